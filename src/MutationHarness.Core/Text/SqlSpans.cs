namespace MutationHarness.Core.Text;

/// <summary>What a stretch of SQL text is: code, quoted text, or a comment.</summary>
public enum SqlSpanKind
{
    /// <summary>Anything outside quotes and comments.</summary>
    Code,

    /// <summary>A string or quoted identifier (<c>'…'</c>, <c>"…"</c>, <c>`…`</c>), quotes included.</summary>
    Quoted,

    /// <summary>A comment (<c># …</c>, <c>-- …</c> to the end of the line, <c>/* … */</c>).</summary>
    Comment,

    /// <summary>MySQL's executable comment (<c>/*! … */</c>, <c>/*M! … */</c>): code the server may run.</summary>
    ExecutableComment,
}

/// <summary>One stretch of SQL text, from <see cref="Start"/> up to (not including) <see cref="End"/>.</summary>
public readonly record struct SqlSpan(int Start, int End, SqlSpanKind Kind);

/// <summary>Splits SQL text into code, quoted text and comments by MySQL's quoting rules: the one reading of
/// "what is inside quotes" for code outside the SQL engine (script splitting, normalising, answer extraction).</summary>
/// <remarks>'--' starts a comment only before an ASCII space or control character (as the server and the SQL
/// engine's lexer read it: a no-break space is part of a name there). A backslash escapes the next character inside <c>'…'</c> and <c>"…"</c>, a doubled quote stands
/// for itself, and an unterminated quote or comment runs to the end of the text (the server will say so).</remarks>
public static class SqlSpans
{
    /// <summary>The spans of a text, in order, covering all of it.</summary>
    public static IEnumerable<SqlSpan> Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var code = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (Special(text, i) is not { } special)
            {
                i++;
                continue;
            }
            if (i > code)
                yield return new SqlSpan(code, i, SqlSpanKind.Code);
            yield return special;
            i = code = special.End;
        }
        if (text.Length > code)
            yield return new SqlSpan(code, text.Length, SqlSpanKind.Code);
    }

    /// <summary>The positions of a character in the code of a text (never inside quotes or comments).</summary>
    public static IEnumerable<int> InCode(string text, char wanted)
    {
        foreach (var span in Of(text))
        {
            if (span.Kind != SqlSpanKind.Code)
                continue;
            for (var i = span.Start; i < span.End; i++)
            {
                if (text[i] == wanted)
                    yield return i;
            }
        }
    }

    private static SqlSpan? Special(string text, int i)
    {
        var c = text[i];
        var next = i + 1 < text.Length ? text[i + 1] : '\0';
        if (c is '\'' or '"' or '`')
            return new SqlSpan(i, EndOfQuoted(text, i), SqlSpanKind.Quoted);
        if (c == '#' || (c == '-' && next == '-' && (i + 2 >= text.Length || text[i + 2] <= ' ' || text[i + 2] == '\u007F')))
        {
            var end = text.IndexOf('\n', i);
            return new SqlSpan(i, end < 0 ? text.Length : end, SqlSpanKind.Comment);
        }
        if (c == '/' && next == '*')
        {
            var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
            var end = close < 0 ? text.Length : close + 2;
            var executable = At(text, i + 2) == '!' || (At(text, i + 2) is 'M' or 'm' && At(text, i + 3) == '!');
            return new SqlSpan(i, end, executable ? SqlSpanKind.ExecutableComment : SqlSpanKind.Comment);
        }
        return null;
    }

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

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
        return text.Length;
    }
}
