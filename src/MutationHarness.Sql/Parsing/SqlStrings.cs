using System.Text;

namespace MutationHarness.Sql.Parsing;

/// <summary>Decodes and encodes MySQL quoted string literals (backslash escapes and doubled quotes).</summary>
internal static class SqlStrings
{
    public static string Decode(ReadOnlySpan<char> literal)
    {
        if (literal.Length > 0 && literal[0] is 'N' or 'n')
        {
            literal = literal[1..];
        }

        var quote = literal[0];
        var body = literal[1..^1];
        if (body.IndexOfAny('\\', quote) < 0)
        {
            return body.ToString();
        }

        var builder = new StringBuilder(body.Length);
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length)
            {
                var next = body[++i];
                builder.Append(next switch
                {
                    '0' => "\0",
                    'b' => "\b",
                    'n' => "\n",
                    'r' => "\r",
                    't' => "\t",
                    'Z' => "\u001A",
                    '%' => "\\%",
                    '_' => "\\_",
                    _ => next.ToString(),
                });
            }
            else
            {
                builder.Append(c);
                if (c == quote)
                {
                    i++;
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>Writes a value as a single-quoted literal that decodes back to the same value.</summary>
    public static void Encode(StringBuilder output, string value)
    {
        output.Append('\'');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\'':
                    output.Append("''");
                    break;
                case '\\':
                    // \% and \_ decode to themselves (two characters), so keep them as written.
                    output.Append(i + 1 < value.Length && value[i + 1] is '%' or '_' ? "\\" : "\\\\");
                    break;
                case '\0':
                    output.Append("\\0");
                    break;
                case '\n':
                    output.Append("\\n");
                    break;
                case '\r':
                    output.Append("\\r");
                    break;
                case '\u001A':
                    output.Append("\\Z");
                    break;
                default:
                    output.Append(c);
                    break;
            }
        }

        output.Append('\'');
    }

    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        Encode(builder, value);
        return builder.ToString();
    }
}
