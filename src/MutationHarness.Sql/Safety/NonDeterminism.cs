using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql;

/// <summary>Flags what makes a result non-deterministic: volatile functions, reads of live server state
/// (<see cref="LiveServerState"/>), and LIMIT, OFFSET or FETCH without ORDER BY at the same level.</summary>
public static class NonDeterminism
{
    /// <summary>The flag for a LIMIT with no ORDER BY in the same query.</summary>
    public const string LimitWithoutOrderBy = "LIMIT without ORDER BY";

    /// <summary>The flag for the standard FETCH FIRST … ROWS with no ORDER BY in the same query.</summary>
    public const string FetchWithoutOrderBy = "FETCH without ORDER BY";

    /// <summary>The flag for the standard OFFSET … ROWS with no ORDER BY in the same query.</summary>
    public const string OffsetWithoutOrderBy = "OFFSET without ORDER BY";

    private static readonly HashSet<string> Volatile = new(StringComparer.OrdinalIgnoreCase)
    {
        "RAND", "NOW", "SYSDATE", "CURDATE", "CURTIME", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP",
        "LOCALTIME", "LOCALTIMESTAMP", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP", "UUID", "UUID_SHORT", "SYS_GUID",
        "CONNECTION_ID", "LAST_INSERT_ID", "FOUND_ROWS", "ROW_COUNT", "RANDOM_BYTES", "SLEEP", "BINLOG_GTID_POS",
    };

    private static readonly HashSet<string> Niladic = new(StringComparer.OrdinalIgnoreCase)
    {
        "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "UTC_DATE", "UTC_TIME", "UTC_TIMESTAMP",
    };

    // Looked up by span so scanning a statement allocates nothing per word.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> VolatileWords = Volatile.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NiladicWords = Niladic.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The flags found, each once, in order of first appearance (e.g. "RAND", "NOW", "LIMIT without ORDER BY").</summary>
    public static IReadOnlyList<string> Find(string sql)
    {
        Token[] tokens;
        try
        {
            tokens = Lexer.TokenizeShared(sql);
        }
        catch (SqlSyntaxError)
        {
            return [];
        }

        var flags = new List<string>();
        var ordered = new List<bool> { false };
        for (var i = 0; i < tokens.Length - 1; i++)
        {
            var token = tokens[i];
            var next = tokens[i + 1];
            switch (token.Kind)
            {
                case TokenKind.LParen:
                    ordered.Add(false);
                    continue;
                case TokenKind.RParen when ordered.Count > 1:
                    ordered.RemoveAt(ordered.Count - 1);
                    continue;
                case TokenKind.SystemVariable:
                    if (LiveServerState.Variable(token.Span(sql)) is { } variable)
                        Add(flags, variable);
                    continue;
                case TokenKind.Word or TokenKind.QuotedIdentifier when next.Kind == TokenKind.Dot && LiveServerState.Table(sql, tokens, i) is { } live:
                    Add(flags, live);
                    continue;
                case not TokenKind.Word:
                    continue;
            }

            var word = token.Span(sql);
            if (token.Keyword == Keyword.SELECT)
            {
                ordered[^1] = false;
            }
            else if (token.Keyword == Keyword.ORDER && next.Keyword == Keyword.BY)
            {
                ordered[^1] = true;
            }
            else if (token.Keyword == Keyword.LIMIT && !ordered[^1])
            {
                Add(flags, LimitWithoutOrderBy);
            }
            else if ((token.Keyword == Keyword.FETCH || token.Keyword == Keyword.OFFSET && !AfterLimit(tokens, i)) && !ordered[^1])
            {
                Add(flags, token.Keyword == Keyword.FETCH ? FetchWithoutOrderBy : OffsetWithoutOrderBy);
            }
            else if (VolatileWords.Contains(word) && (next.Kind == TokenKind.LParen || NiladicWords.Contains(word)) && !IsQualified(tokens, i))
            {
                if (!word.Equals("UNIX_TIMESTAMP", StringComparison.OrdinalIgnoreCase))
                {
                    Add(flags, word.ToString().ToUpperInvariant());
                }
            }
            else if (word.Equals("UNIX_TIMESTAMP", StringComparison.OrdinalIgnoreCase) && next.Kind == TokenKind.LParen && tokens[i + 2].Kind == TokenKind.RParen)
            {
                Add(flags, "UNIX_TIMESTAMP");
            }
        }

        return flags;
    }

    // The OFFSET of LIMIT n OFFSET m (already flagged with its LIMIT), not the standard OFFSET n ROWS: the first
    // keyword before it, past the count, is LIMIT.
    private static bool AfterLimit(Token[] tokens, int i)
    {
        for (var k = i - 1; k >= 0; k--)
        {
            if (tokens[k].Keyword != Keyword.None)
                return tokens[k].Keyword == Keyword.LIMIT;
        }

        return false;
    }

    private static bool IsQualified(Token[] tokens, int i) => i > 0 && tokens[i - 1].Kind == TokenKind.Dot;

    private static void Add(List<string> flags, string flag)
    {
        if (!flags.Contains(flag))
        {
            flags.Add(flag);
        }
    }
}
