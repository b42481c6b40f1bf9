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

    /// <summary>True when the statement ends in an ORDER BY outside any parentheses (the whole result is ordered).</summary>
    public static bool HasTopLevelOrderBy(string sql)
    {
        var (depth, quote, last) = (0, '\0', "");
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote != '`')
                    i++;
                else if (c == quote)
                    quote = '\0';
                continue;
            }
            if (c is '\'' or '"' or '`')
                quote = c;
            else if (c == '(')
                depth++;
            else if (c == ')')
                depth--;
            else if (depth == 0 && char.IsLetter(c) && (i == 0 || (!char.IsLetterOrDigit(sql[i - 1]) && sql[i - 1] != '_')))
            {
                var end = i;
                while (end < sql.Length && (char.IsLetterOrDigit(sql[end]) || sql[end] == '_'))
                    end++;
                var word = sql[i..end].ToUpperInvariant();
                if (word == "BY" && last == "ORDER")
                    return true;
                last = word;
                i = end - 1;
            }
        }
        return false;
    }
}
