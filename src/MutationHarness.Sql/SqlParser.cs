using MutationHarness.Sql.Parsing;

namespace MutationHarness.Sql;

/// <summary>Parses one MySQL / MariaDB SELECT statement.</summary>
public static class SqlParser
{
    /// <summary>Parses the statement, throwing <see cref="SqlSyntaxError"/> when it is not a valid SELECT.</summary>
    public static ParsedQuery Parse(string sql) => new(Parser.Parse(sql));

    /// <summary>Parses the statement, returning null and the error instead of throwing.</summary>
    public static ParsedQuery? TryParse(string sql, out SqlSyntaxError? error)
    {
        try
        {
            error = null;
            return Parse(sql);
        }
        catch (SqlSyntaxError e)
        {
            error = e;
            return null;
        }
    }
}
