namespace MutationHarness.Sql;

/// <summary>Text-level helpers over SELECT statements.</summary>
public static class SqlText
{
    /// <summary>The normal form (keyword case, whitespace, comments and redundant parentheses erased); throws SqlSyntaxError.</summary>
    public static string Normalize(string sql) => SqlParser.Parse(sql).Normalized;
}
