using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql;

/// <summary>Walks the queries of a statement, building the scope of each SELECT and checking its names.</summary>
internal sealed partial class NameWalker(string source, SchemaCatalog schema)
{
    private readonly List<(int Offset, UnknownName Name)> _unknown = [];

    public IReadOnlyList<UnknownName> Unknown => _unknown.OrderBy(u => u.Offset).Select(u => u.Name).ToList();

    /// <summary>Checks a query and returns the names of its output columns, or null when they cannot all be named.</summary>
    public IReadOnlyList<string>? Query(Query query, NameScope? outer, IReadOnlyDictionary<string, IReadOnlyList<string>?> ctes)
    {
        IReadOnlyList<string>? columns;
        switch (query)
        {
            case WithQuery with:
                var visible = new Dictionary<string, IReadOnlyList<string>?>(ctes, StringComparer.Ordinal);
                foreach (var cte in with.Ctes)
                {
                    if (with.Recursive)
                        visible[cte.Name] = cte.Columns; // the recursive part sees itself; its columns are the anchor's
                    var body = Query(cte.Body, outer, visible);
                    visible[cte.Name] = cte.Columns ?? body;
                }
                columns = Query(with.Body, outer, visible);
                ctes = visible;
                break;
            case SetOpQuery set:
                columns = Query(set.Left, outer, ctes);
                Query(set.Right, outer, ctes);
                break;
            case ParenQuery paren:
                columns = Query(paren.Inner, outer, ctes);
                break;
            case SelectQuery select:
                return Select(select, outer, ctes);
            default:
                return null;
        }
        // ORDER BY after a set operation or parentheses sees the output columns only.
        var output = new NameScope(outer, [new Relation("", columns)], [], ctes);
        foreach (var item in query.OrderBy ?? [])
            Expr(item.Value, output, aliases: false);
        return columns;
    }

    private IReadOnlyList<string>? Select(SelectQuery select, NameScope? outer, IReadOnlyDictionary<string, IReadOnlyList<string>?> ctes)
    {
        var scope = new NameScope(outer, [], select.Items.Select(i => i.Alias).OfType<string>().ToList(), ctes);
        if (select.From is { } from)
            From(from, scope);
        foreach (var item in select.Items)
            Expr(item.Value, scope, aliases: false);
        if (select.Where is { } where)
            Expr(where, scope, aliases: false);
        foreach (var group in select.GroupBy ?? [])
            Expr(group, scope, aliases: true);
        if (select.Having is { } having)
            Expr(having, scope, aliases: true);
        foreach (var order in select.OrderBy ?? [])
            Expr(order.Value, scope, aliases: true);
        return OutputColumns(select, scope);
    }

    private void From(TableRef table, NameScope scope)
    {
        switch (table)
        {
            case TableName name:
                scope.Relations.Add(Table(name, scope.Ctes));
                break;
            case DerivedTable derived:
                // A LATERAL derived table sees the tables before it; any other sees only the levels outside.
                var columns = Query(derived.Query, derived.Lateral ? scope : scope.Parent, scope.Ctes);
                scope.Relations.Add(new Relation(derived.Alias ?? "", derived.Columns ?? columns));
                break;
            case JoinRef join:
                From(join.Left, scope);
                From(join.Right, scope);
                if (join.On is { } on)
                    Expr(on, scope, aliases: false);
                foreach (var column in join.Using ?? [])
                {
                    if (!scope.Knows(column, aliases: false))
                        Report(UnknownNameKind.Column, column, null, IndexIn(column, join.Right.End, join.End));
                }
                break;
            case ParenTableRef paren:
                From(paren.Inner, scope);
                break;
            case JsonTable json:
                // The document may read the tables before it; its own columns are declared in a list kept verbatim.
                Expr(json.Document, scope, aliases: false);
                scope.Relations.Add(new Relation(json.Alias ?? "", null));
                break;
        }
    }

    private Relation Table(TableName table, IReadOnlyDictionary<string, IReadOnlyList<string>?> ctes)
    {
        var name = table.Parts[^1];
        var alias = table.Alias ?? name;
        if (table.Parts.Count == 1 && ctes.TryGetValue(name, out var cte))
            return new Relation(alias, cte);
        // Another database's table is outside the schema this statement is graded against.
        if (table.Parts.Count > 1)
            return new Relation(alias, null);
        if (schema.Tables.TryGetValue(name, out var columns))
            return new Relation(alias, columns);
        if (name.Equals("DUAL", StringComparison.OrdinalIgnoreCase))
            return new Relation(alias, []);
        Report(UnknownNameKind.Table, name, null, table.Start);
        return new Relation(alias, [], Missing: true);
    }

    private IReadOnlyList<string>? OutputColumns(SelectQuery select, NameScope scope)
    {
        var columns = new List<string>();
        foreach (var item in select.Items)
        {
            switch (item)
            {
                case { Alias: { } alias }:
                    columns.Add(alias);
                    break;
                case { Value: NameExpr { Star: true } star }:
                    var from = star.Parts.Count == 0 ? scope.Relations : scope.Relations.Where(r => r.Name == star.Parts[^1]).ToList();
                    if (from.Any(r => r.Columns is null))
                        return null;
                    columns.AddRange(from.SelectMany(r => r.Columns!));
                    break;
                case { Value: NameExpr { Parts.Count: > 0 } name }:
                    columns.Add(name.Parts[^1]);
                    break;
                default:
                    // The server names an unaliased expression after its text.
                    columns.Add(source[item.Value.Start..item.Value.End]);
                    break;
            }
        }
        return columns;
    }

    private void Report(UnknownNameKind kind, string name, string? qualifier, int offset)
    {
        var (line, column) = TextPosition.Of(source, offset);
        _unknown.Add((offset, new UnknownName(kind, name, qualifier, line, column)));
    }

    private int IndexIn(string name, int from, int to)
    {
        var at = source.IndexOf(name, from, Math.Max(0, to - from), StringComparison.OrdinalIgnoreCase);
        return at < 0 ? from : at;
    }
}
