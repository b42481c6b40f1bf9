using System.Text;

namespace MutationHarness.Core.Fixtures;

/// <summary>Splits a SQL script into statements on <c>;</c> outside quotes, backticks and comments.</summary>
public static class DataScriptSplitter
{
    /// <summary>Returns the script's statements, trimmed, without their <c>;</c>; comment-only pieces are dropped.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var statements = new List<string>();
        var current = new StringBuilder();
        var hasCode = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (c is '\'' or '"' or '`')
            {
                var end = EndOfQuoted(text, i);
                current.Append(text, i, end - i);
                hasCode = true;
                i = end;
            }
            else if (c == '#' || (c == '-' && next == '-' && (i + 2 >= text.Length || char.IsWhiteSpace(text[i + 2]))))
            {
                var end = text.IndexOf('\n', i);
                end = end < 0 ? text.Length : end;
                current.Append(text, i, end - i);
                i = end;
            }
            else if (c == '/' && next == '*')
            {
                var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var end = close < 0 ? text.Length : close + 2;
                // MySQL's executable comments (/*! … */) are code, not commentary.
                hasCode |= i + 2 < text.Length && text[i + 2] == '!';
                current.Append(text, i, end - i);
                i = end;
            }
            else if (c == ';')
            {
                Flush(statements, current, hasCode);
                hasCode = false;
                i++;
            }
            else
            {
                current.Append(c);
                hasCode |= !char.IsWhiteSpace(c);
                i++;
            }
        }
        Flush(statements, current, hasCode);
        return statements;
    }

    /// <summary>The index just past the quoted text starting at <paramref name="start"/>; raw newlines stay inside.</summary>
    private static int EndOfQuoted(string text, int start)
    {
        var quote = text[start];
        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && quote != '`')
            {
                i += 2; // a backslash escapes the next character, whatever it is
                continue;
            }
            if (c == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    i += 2; // a doubled quote stands for itself
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return text.Length; // unterminated: the rest belongs to it, and the server will say so
    }

    private static void Flush(List<string> statements, StringBuilder current, bool hasCode)
    {
        var statement = current.ToString().Trim();
        current.Clear();
        if (hasCode && statement.Length > 0)
            statements.Add(statement);
    }
}
