using System.Globalization;
using System.Text;
using MutationHarness.Core.Chat;

namespace MutationHarness.FineTuning;

/// <summary>Formats values as Python prints them, so the report reads like the user's own script.</summary>
internal static class PythonRepr
{
    /// <summary>A float as Python's repr: shortest round-trip digits, and a ".0" on whole numbers.</summary>
    public static string Float(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) || !double.IsFinite(value)
            ? text
            : text + ".0";
    }

    /// <summary>A string as Python's repr: single quotes unless the text has one and no double quote.</summary>
    public static string String(string value)
    {
        var quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var builder = new StringBuilder(value.Length + 2).Append(quote);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '\n' => builder.Append(@"\n"),
                '\r' => builder.Append(@"\r"),
                '\t' => builder.Append(@"\t"),
                _ when c == quote => builder.Append('\\').Append(c),
                _ when c < 0x20 || c == 0x7F => builder.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}"),
                _ => builder.Append(c),
            };
        }
        return builder.Append(quote).ToString();
    }

    /// <summary>A message as the dict Python prints for it.</summary>
    public static string Message(ChatMessage message)
    {
        var builder = new StringBuilder("{'role': ").Append(String(message.Role)).Append(", 'content': ").Append(String(message.Content));
        if (message.Name is not null)
            builder.Append(", 'name': ").Append(String(message.Name));
        if (message.Weight is { } weight)
            builder.Append(CultureInfo.InvariantCulture, $", 'weight': {weight}");
        return builder.Append('}').ToString();
    }

    /// <summary>A legacy example as the dict Python prints for it.</summary>
    public static string PromptCompletion(string prompt, string completion) =>
        $"{{'prompt': {String(prompt)}, 'completion': {String(completion)}}}";
}
