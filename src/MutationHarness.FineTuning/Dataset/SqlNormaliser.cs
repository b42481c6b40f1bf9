using System.Text;
using MutationHarness.Core.Text;

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
        var pendingSpace = false;
        foreach (var span in SqlSpans.Of(sql))
        {
            for (var i = span.Start; i < span.End; i++)
            {
                var c = sql[i];
                var quoted = span.Kind == SqlSpanKind.Quoted;
                if (!quoted && char.IsWhiteSpace(c))
                {
                    pendingSpace = builder.Length > 0;
                    continue;
                }
                if (pendingSpace)
                {
                    builder.Append(' ');
                    pendingSpace = false;
                }
                builder.Append(quoted ? c : char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }
}
