using MutationHarness.FineTuning;
using MutationHarness.Sql;

namespace MutationHarness.Evaluation;

/// <summary>The static facts about a statement the grade needs, in one place over the SQL engine's API.</summary>
internal static class SqlFacts
{
    /// <summary>The normal form used for exact match; text that does not parse is compared by its collapsed text.</summary>
    public static string Normalize(string sql)
    {
        try
        {
            return SqlText.Normalize(sql);
        }
        catch (SqlSyntaxError)
        {
            return SqlNormaliser.Normalise(sql);
        }
    }

    /// <summary>The syntax error of a statement, or null when it parses.</summary>
    public static string? ParseError(string sql)
    {
        try
        {
            SqlParser.Parse(sql);
            return null;
        }
        catch (SqlSyntaxError e)
        {
            return e.Message;
        }
    }

    /// <summary>Why the statement may not run (not a single read-only SELECT), or null when it may.</summary>
    public static string? GuardProblem(string sql)
    {
        var guard = SqlGuard.Check(sql);
        return guard.IsAllowed ? null : guard.Reason ?? "not a single read-only SELECT";
    }

    /// <summary>True when the statement ends in an ORDER BY outside any parentheses (the whole result is ordered);
    /// false too when it does not parse, so its rows are then compared as a multiset.</summary>
    public static bool HasTopLevelOrderBy(string sql) => SqlParser.TryParse(sql, out _)?.IsOrdered ?? false;
}
