using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Parsing;

namespace MutationHarness.Sql;

/// <summary>Resolves every name a SELECT uses against a schema, statically: tables (and CTEs, derived tables and their
/// aliases), columns per table in scope, and functions. Where a server stops at its first unknown name, this lists
/// them all, each with its position.</summary>
/// <remarks>It errs towards silence: a table it cannot see into (another database's, or a derived table whose
/// columns it cannot name) accepts any column, and a missing table is named once, not again for each of its
/// columns. Column names are matched without regard to case; table names and aliases with it, as on Linux.</remarks>
public static class NameResolver
{
    /// <summary>The unknown names of a statement, in order of position; throws <see cref="SqlSyntaxError"/> when it does not parse.</summary>
    public static IReadOnlyList<UnknownName> Resolve(string sql, SchemaCatalog schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var tree = Parser.Parse(sql);
        var walker = new NameWalker(tree.Source, schema);
        walker.Query(tree.Root, null, new Dictionary<string, IReadOnlyList<string>?>(StringComparer.Ordinal));
        return walker.Unknown;
    }
}

/// <summary>A table in scope under the name the query uses for it; <see cref="Columns"/> null when any column is
/// accepted, <see cref="Missing"/> when the table itself is unknown (already reported).</summary>
internal sealed record Relation(string Name, IReadOnlyList<string>? Columns, bool Missing = false)
{
    public bool Has(string column) => !Missing && (Columns is null || Columns.Contains(column, StringComparer.OrdinalIgnoreCase));
}

/// <summary>The names visible at one level of a query: its tables, its select aliases, the CTEs, and the level outside.</summary>
internal sealed class NameScope(NameScope? parent, List<Relation> relations, IReadOnlyList<string> aliases,
    IReadOnlyDictionary<string, IReadOnlyList<string>?> ctes)
{
    public NameScope? Parent { get; } = parent;

    public List<Relation> Relations { get; } = relations;

    public IReadOnlyList<string> Aliases { get; } = aliases;

    public IReadOnlyDictionary<string, IReadOnlyList<string>?> Ctes { get; } = ctes;

    /// <summary>True when the column is a column of a table in scope here or outside, or (where aliases count) a select alias here.</summary>
    public bool Knows(string column, bool aliases)
    {
        if (aliases && Aliases.Contains(column, StringComparer.OrdinalIgnoreCase))
            return true;
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.Relations.Any(r => r.Has(column)))
                return true;
        }
        return false;
    }

    /// <summary>The table a qualifier names, here or outside, or null.</summary>
    public Relation? Find(string qualifier)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.Relations.LastOrDefault(r => r.Name == qualifier) is { } found)
                return found;
        }
        return null;
    }
}
