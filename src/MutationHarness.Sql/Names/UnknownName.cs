namespace MutationHarness.Sql;

/// <summary>What kind of name a statement used that the schema does not have.</summary>
public enum UnknownNameKind
{
    /// <summary>A table (or view, or CTE) that is not there.</summary>
    Table,

    /// <summary>A column that no table in scope has (or not the table its qualifier names).</summary>
    Column,

    /// <summary>A function that is neither built in nor stored in the database.</summary>
    Function,
}

/// <summary>One use of a name the schema lacks, with where it stands in the statement.</summary>
/// <param name="Kind">Table, column or function.</param>
/// <param name="Name">The name as written, without its qualifier.</param>
/// <param name="Qualifier">For a qualified column, the table or alias it was looked up in.</param>
/// <param name="Line">The 1-based line of the name in the statement.</param>
/// <param name="Column">The 1-based column of the name in the statement.</param>
public sealed record UnknownName(UnknownNameKind Kind, string Name, string? Qualifier, int Line, int Column)
{
    /// <summary>"column 'abbr' at 1:8", "column 'o.total' at 2:3", "table 'sc_orgtype' at 1:40".</summary>
    public override string ToString() =>
        $"{Kind.ToString().ToLowerInvariant()} '{(Qualifier is null ? Name : $"{Qualifier}.{Name}")}' at {Line}:{Column}";
}
