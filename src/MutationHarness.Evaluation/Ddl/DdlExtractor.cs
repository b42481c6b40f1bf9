using System.Text.RegularExpressions;
using MutationHarness.Core.Text;

namespace MutationHarness.Evaluation;

/// <summary>Takes the CREATE TABLE out of a model's answer: from its code fence if it has one, from
/// <c>CREATE … TABLE</c> to the end of the table's definition (its options up to <c>;</c> or a blank line).</summary>
/// <remarks>A statement after the table's <c>;</c> stays, for the guard to refuse: nothing is quietly dropped.</remarks>
public static partial class DdlExtractor
{
    /// <summary>The CREATE TABLE text of an answer, trimmed and without its trailing semicolon; the whole answer, trimmed,
    /// when it holds none (the guard then says why).</summary>
    public static string Extract(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var fence = Fence().Matches(answer).FirstOrDefault(f => f.Groups["body"].Value.Contains("CREATE", StringComparison.OrdinalIgnoreCase));
        var text = fence?.Groups["body"].Value ?? answer;
        var start = CreateTable().Match(text);
        if (!start.Success)
            return text.Trim();
        text = text[start.Index..];
        var end = EndOfDefinition(text);
        var rest = text[end..].TrimStart(';', ' ', '\t', '\r', '\n');
        // Prose after the table goes; another statement stays for the guard to see.
        return (StatementStart().IsMatch(rest) ? text : text[..end]).Trim().TrimEnd(';').Trim();
    }

    private static int EndOfDefinition(string text)
    {
        var depth = 0;
        var closed = false;
        foreach (var span in SqlSpans.Of(text))
        {
            if (span.Kind != SqlSpanKind.Code)
                continue;
            for (var i = span.Start; i < span.End; i++)
            {
                var c = text[i];
                if (c == '(')
                    depth++;
                else if (c == ')' && --depth == 0)
                    closed = true;
                else if (closed && depth == 0 && (c == ';' || IsBlankLine(text, i)))
                    return i;
            }
        }
        return text.Length;
    }

    private static bool IsBlankLine(string text, int i) =>
        text[i] == '\n' && text.AsSpan(i + 1).TrimStart(" \t\r").StartsWith("\n");

    [GeneratedRegex(@"```[^\n]*\n(?<body>.*?)(```|$)", RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"\bCREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMPORARY\s+)?TABLE\b", RegexOptions.IgnoreCase)]
    private static partial Regex CreateTable();

    [GeneratedRegex(@"^(?:SELECT|WITH|INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|TRUNCATE|REPLACE|RENAME|GRANT|REVOKE|SET|CALL|DO|LOAD|LOCK|HANDLER)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StatementStart();
}
