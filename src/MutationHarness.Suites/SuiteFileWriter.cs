using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using MutationHarness.Core.Verdicts;

namespace MutationHarness.Suites;

/// <summary>Writes a suite's <c>expect:</c> block back into its file, leaving every other line (comments included) as it was.</summary>
public static partial class SuiteFileWriter
{
    private static readonly JsonSerializerOptions Quoted = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"^[A-Za-z0-9._/-]+$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^expect\s*:\s*(#.*)?$")]
    private static partial Regex ExpectKey();

    /// <summary>The file's text with its <c>expect:</c> block replaced by <paramref name="expectations"/> (appended when absent);
    /// pairs are written in <paramref name="order"/>, then any others in id order.</summary>
    public static string Update(string text, SuiteExpectations expectations, IEnumerable<string> order)
    {
        ArgumentNullException.ThrowIfNull(text);
        var block = Render(expectations, order);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var start = lines.FindIndex(l => ExpectKey().IsMatch(l));
        if (start < 0)
            return text.TrimEnd('\n') + "\n" + block;
        var end = start + 1;
        while (end < lines.Count && (lines[end].Length == 0 || lines[end][0] is ' ' or '#' or '\t'))
            end++;
        // Comments and blank lines just before the next key belong to it.
        while (end > start + 1 && (lines[end - 1].Trim().Length == 0 || lines[end - 1].StartsWith('#')))
            end--;
        return string.Join('\n', lines.Take(start)) + (start > 0 ? "\n" : "") + block + string.Join('\n', lines.Skip(end));
    }

    /// <summary>The <c>expect:</c> block as YAML.</summary>
    public static string Render(SuiteExpectations expectations, IEnumerable<string> order)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        var text = new StringBuilder("expect:\n");
        text.Append($"  default: {expectations.Default.Name()}\n");
        if (expectations.Pairs.Count == 0)
            return text.ToString();
        text.Append("  pairs:\n");
        var ids = order.Where(expectations.Pairs.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        ids.AddRange(expectations.Pairs.Keys.Except(ids, StringComparer.Ordinal).Order(StringComparer.Ordinal));
        foreach (var id in ids)
        {
            var rules = expectations.Pairs[id];
            text.Append($"    {Scalar(id)}:");
            if (rules is [{ IsBare: true } only])
                text.Append($" {only.Verdict.Name()}\n");
            else if (rules is [var single])
                Rule(text.Append('\n'), single, "      ", "      ");
            else
            {
                text.Append('\n');
                foreach (var rule in rules)
                {
                    if (rule.Reason is null && rule.Link is null)
                        text.Append($"      - {rule.ShortForm}\n");
                    else
                        Rule(text, rule, "      - ", "        ");
                }
            }
        }
        return text.ToString();
    }

    private static void Rule(StringBuilder text, Expectation rule, string first, string rest)
    {
        text.Append($"{first}verdict: {rule.Verdict.Name()}\n");
        if (rule.On is { } on)
            text.Append($"{rest}on: {Scalar(on.ToString())}\n");
        if (rule.Reason is { } reason)
            text.Append($"{rest}reason: {Scalar(reason)}\n");
        if (rule.Link is { } link)
            text.Append($"{rest}link: {Scalar(link)}\n");
    }

    // Plain when nothing in it can be read as YAML syntax; else a double-quoted string (JSON's escapes are YAML's).
    private static string Scalar(string value) =>
        Plain().IsMatch(value)
        || Uri.IsWellFormedUriString(value, UriKind.Absolute) && !value.Contains(' ', StringComparison.Ordinal) && !value.Contains(" #", StringComparison.Ordinal)
            ? value
            : JsonSerializer.Serialize(value, Quoted);
}
