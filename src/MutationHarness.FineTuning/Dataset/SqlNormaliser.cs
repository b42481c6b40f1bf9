using System.Text;

namespace MutationHarness.FineTuning;

/// <summary>The default SQL normaliser for deduplication: whitespace collapsed and letters lower-cased outside quotes.</summary>
public static class SqlNormaliser
{
    /// <summary>The name recorded in manifests for <see cref="Normalise"/>.</summary>
    public const string Name = "collapse-whitespace+lowercase-outside-quotes";

    /// <summary>Collapses whitespace runs to one space, trims, and lower-cases everything outside '…', "…" and `…`.</summary>
    public static string Normalise(string sql)
    {
        var builder = new StringBuilder(sql.Length);
        var quote = '\0';
        var pendingSpace = false;
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (quote != '\0')
            {
                builder.Append(c);
                if (c == '\\' && quote != '`' && i + 1 < sql.Length)
                    builder.Append(sql[++i]);
                else if (c == quote)
                    quote = '\0'; // a doubled quote closes and reopens, which keeps its text intact
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            if (c is '\'' or '"' or '`')
                quote = c;
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }
}
