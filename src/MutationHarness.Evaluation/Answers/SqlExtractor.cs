using System.Text.RegularExpressions;
using MutationHarness.Core.Text;
using MutationHarness.Sql;

namespace MutationHarness.Evaluation;

/// <summary>Takes the SQL out of a model's answer: code fences, prose around it, trailing semicolons.</summary>
/// <remarks>
/// It never hides a second statement: <c>SELECT 1; DROP TABLE t</c> comes out whole, so the read-only
/// guard rejects it rather than the extractor quietly grading only the harmless half.
/// </remarks>
public static partial class SqlExtractor
{
    private static readonly HashSet<string> StatementWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "WITH", "INSERT", "UPDATE", "DELETE", "DROP", "CREATE", "ALTER", "TRUNCATE", "REPLACE",
        "RENAME", "GRANT", "REVOKE", "SET", "CALL", "DO", "HANDLER", "LOAD", "LOCK", "UNLOCK", "SHOW", "EXPLAIN",
        "DESCRIBE", "DESC", "USE", "TABLE", "VALUES", "KILL", "SHUTDOWN", "FLUSH", "RESET", "PREPARE", "EXECUTE",
    };

    // Words that may begin a later paragraph of the same statement, after a blank line.
    private static readonly HashSet<string> ClauseWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "UNION", "EXCEPT", "INTERSECT", "AND", "OR", "NOT",
        "JOIN", "INNER", "LEFT", "RIGHT", "CROSS", "STRAIGHT_JOIN", "NATURAL", "ON", "USING", "WINDOW", "AS", "SELECT",
    };

    /// <summary>The statement text of an answer, trimmed and without trailing semicolons.</summary>
    /// <remarks>An answer that is one SELECT as it stands (it parses whole) is taken verbatim: the heuristics below
    /// are for prose and fences, and must never cut a line of a plain statement that merely looks like a sentence.</remarks>
    public static string Extract(string answer)
    {
        var whole = StripTrailingSemicolons(answer);
        if (!answer.Contains("```", StringComparison.Ordinal) && SqlParser.TryParse(whole, out _) is not null)
            return whole;
        var text = FromFence(answer) ?? FromProse(answer);
        return StripTrailingSemicolons(CutProseAfterSemicolon(text));
    }

    private static string? FromFence(string answer)
    {
        var fences = Fence().Matches(answer);
        if (fences.Count > 0)
        {
            var sql = fences.FirstOrDefault(f => f.Groups["lang"].Value.ToLowerInvariant() is "sql" or "mysql" or "mariadb" or "tidb");
            return (sql ?? fences[0]).Groups["body"].Value;
        }
        // An answer cut off inside its fence still holds the SQL after the opening line.
        var open = OpenFence().Match(answer);
        return open.Success ? answer[(open.Index + open.Length)..] : null;
    }

    private static string FromProse(string answer)
    {
        var start = StatementStart().Matches(answer).FirstOrDefault(m => IsStatementWord(m.Groups["word"].Value));
        if (start is null)
            return InlineStatement(answer) ?? answer;
        var paragraphs = BlankLine().Split(answer[start.Groups["sql"].Index..]);
        var kept = paragraphs.Take(1).Concat(paragraphs.Skip(1).TakeWhile(ContinuesStatement));
        return CutProseLines(string.Join("\n\n", kept));
    }

    // A statement inside a sentence: "The answer is `SELECT …`." or "The answer is SELECT … WHERE 1."
    // Quoting backticks end at their last run on the line, so an identifier's own backticks stay inside.
    private static string? InlineStatement(string answer)
    {
        var start = InlineStart().Match(answer);
        if (!start.Success)
            return null;
        var line = answer[start.Groups["sql"].Index..].Split('\n')[0];
        var ticks = start.Groups["ticks"].Value;
        if (ticks.Length == 0)
            return line.TrimEnd().TrimEnd('.');
        var close = line.LastIndexOf(ticks, StringComparison.Ordinal);
        return close > 0 ? line[..close] : line;
    }

    // SQL is written in upper or lower case; a Capitalised word is the start of a sentence.
    private static bool IsStatementWord(string word) =>
        StatementWords.Contains(word) && (word == word.ToUpperInvariant() || word == word.ToLowerInvariant());

    private static string CutProseLines(string text)
    {
        var lines = text.Split('\n');
        var keep = 1;
        while (keep < lines.Length && !IsSentence(lines[keep]))
            keep++;
        return string.Join('\n', lines.Take(keep));
    }

    private static bool IsSentence(string line)
    {
        var word = LeadingWord().Match(line.TrimStart()).Value;
        return word.Length > 1 && char.IsUpper(word[0]) && word != word.ToUpperInvariant()
            && !ClauseWords.Contains(word) && !StatementWords.Contains(word);
    }

    private static bool ContinuesStatement(string paragraph)
    {
        var trimmed = paragraph.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] is '(' or ')')
            return true;
        var word = LeadingWord().Match(trimmed);
        return word.Success && (ClauseWords.Contains(word.Value) || StatementWords.Contains(word.Value));
    }

    private static string CutProseAfterSemicolon(string text)
    {
        foreach (var i in SqlSpans.InCode(text, ';'))
        {
            var rest = text[(i + 1)..].TrimStart();
            var word = LeadingWord().Match(rest);
            // A second statement stays for the guard to see; prose after the statement goes.
            if (rest.Length > 0 && rest[0] != ';' && !(word.Success && StatementWords.Contains(word.Value)))
                return text[..i];
        }
        return text;
    }

    private static string StripTrailingSemicolons(string text) => text.Trim().TrimEnd(';', ' ', '\t', '\r', '\n').Trim();

    [GeneratedRegex(@"```[ \t]*(?<lang>[A-Za-z0-9_+-]*)[^\n]*\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"```[^\n]*\n")]
    private static partial Regex OpenFence();

    // A statement starts a line (after spaces or opening parentheses) or follows a colon.
    [GeneratedRegex(@"(?:^|:)[ \t]*(?<sql>\(*[ \t]*(?<word>[A-Za-z_]+))\b", RegexOptions.Multiline)]
    private static partial Regex StatementStart();

    // Mid-sentence, only the upper-case SELECT or WITH counts ("we select rows" is prose), maybe in backticks.
    [GeneratedRegex(@"(?<![A-Za-z0-9_`])(?<ticks>`{0,2})(?<sql>SELECT|WITH)\b")]
    private static partial Regex InlineStart();

    [GeneratedRegex(@"\n[ \t]*\r?\n")]
    private static partial Regex BlankLine();

    [GeneratedRegex(@"^[A-Za-z_]+")]
    private static partial Regex LeadingWord();
}
