using System.Text;
using MutationHarness.Core.Text;

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
        foreach (var span in SqlSpans.Of(text))
        {
            if (span.Kind != SqlSpanKind.Code)
            {
                current.Append(text, span.Start, span.End - span.Start);
                // MySQL's executable comments (/*! … */) are code, not commentary.
                hasCode |= span.Kind is SqlSpanKind.Quoted or SqlSpanKind.ExecutableComment;
                continue;
            }
            for (var i = span.Start; i < span.End; i++)
            {
                var c = text[i];
                if (c == ';')
                {
                    Flush(statements, current, hasCode);
                    hasCode = false;
                    continue;
                }
                current.Append(c);
                hasCode |= !char.IsWhiteSpace(c);
            }
        }
        Flush(statements, current, hasCode);
        return statements;
    }

    private static void Flush(List<string> statements, StringBuilder current, bool hasCode)
    {
        var statement = current.ToString().Trim();
        current.Clear();
        if (hasCode && statement.Length > 0)
            statements.Add(statement);
    }
}
