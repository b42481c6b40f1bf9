using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Shrinking;

/// <summary>A smaller setup: one statement, or one row of an INSERT … VALUES, left out.</summary>
public sealed record SetupShrink(string Description, IReadOnlyList<string> Setup);

/// <summary>The smaller setups one cut away from a record's setup statements.</summary>
public static class SetupShrinks
{
    /// <summary>Every setup with one statement left out, then every one with one VALUES row left out.</summary>
    public static IEnumerable<SetupShrink> Of(IReadOnlyList<string> setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        for (var i = 0; i < setup.Count; i++)
            yield return new SetupShrink($"drop setup statement #{i + 1} ({ShrinkEdit.Shorten(setup[i])})", [.. setup.Take(i), .. setup.Skip(i + 1)]);
        for (var i = 0; i < setup.Count; i++)
        {
            var rows = Rows(setup[i]);
            for (var r = 0; rows.Count > 1 && r < rows.Count; r++)
            {
                // A row goes with the comma that joins it to the next one (or, for the last, to the previous one).
                var (start, end) = r < rows.Count - 1 ? (rows[r].Start, rows[r + 1].Start) : (rows[r - 1].End, rows[r].End);
                var smaller = setup[i].Remove(start, end - start);
                yield return new SetupShrink($"drop row {setup[i][rows[r].Start..rows[r].End]} of setup statement #{i + 1}", [.. setup.Take(i), smaller, .. setup.Skip(i + 1)]);
            }
        }
    }

    // The parenthesised rows after the VALUES (or VALUE) keyword of an INSERT or REPLACE.
    private static List<(int Start, int End)> Rows(string statement)
    {
        Token[] tokens;
        try
        {
            tokens = Lexer.Tokenize(statement);
        }
        catch (SqlSyntaxError)
        {
            return [];
        }
        var rows = new List<(int Start, int End)>();
        var values = Array.FindIndex(tokens, t => t.Kind == TokenKind.Word && t.Text(statement).ToUpperInvariant() is "VALUES" or "VALUE");
        if (values < 0 || !(tokens[0].Text(statement).ToUpperInvariant() is "INSERT" or "REPLACE"))
            return rows;
        var depth = 0;
        var open = 0;
        for (var i = values + 1; i < tokens.Length && tokens[i].Kind != TokenKind.End; i++)
        {
            switch (tokens[i].Kind)
            {
                case TokenKind.LParen when depth++ == 0:
                    open = tokens[i].Start;
                    break;
                case TokenKind.RParen when --depth == 0:
                    rows.Add((open, tokens[i].End));
                    break;
                case TokenKind.Comma or TokenKind.LParen or TokenKind.RParen:
                    break;
                default:
                    if (depth == 0)
                        return rows; // ON DUPLICATE KEY …: the rows have ended
                    break;
            }
        }
        return rows;
    }
}
