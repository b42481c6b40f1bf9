using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql;

/// <summary>A token-based read-only guard: it works even when the statement does not parse, and it reads the text
/// with the server's own lexical rules (<see cref="Lexer"/>), refusing executable comments, optimizer hints and NUL.
/// Every entry point (verify, clean, eval, check, mutate) reaches the server only through text this guard allowed,
/// and parses with the same lexer, so the refusals hold everywhere.</summary>
public static class SqlGuard
{
    private static readonly HashSet<string> ForbiddenFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "LOAD_FILE", "SLEEP", "BENCHMARK", "GET_LOCK", "RELEASE_LOCK", "RELEASE_ALL_LOCKS", "IS_FREE_LOCK",
        "IS_USED_LOCK", "MASTER_POS_WAIT", "SOURCE_POS_WAIT", "MASTER_GTID_WAIT", "WAIT_FOR_EXECUTED_GTID_SET",
        "WAIT_UNTIL_SQL_THREAD_AFTER_GTIDS", "NAME_CONST", "NEXTVAL", "SETVAL", "LASTVAL", "SYS_EXEC", "SYS_EVAL",
    };

    private static readonly HashSet<string> DataChanging = new(StringComparer.OrdinalIgnoreCase)
    {
        "UPDATE", "DELETE", "INSERT", "REPLACE", "TRUNCATE", "DROP", "ALTER", "CREATE", "RENAME", "GRANT", "REVOKE", "HANDLER", "CALL",
    };

    // Looked up by span so checking a statement allocates nothing per word.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> ForbiddenWords = ForbiddenFunctions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> DataChangingWords = DataChanging.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Allows exactly one SELECT (or WITH … SELECT, or parenthesised set operation), with at most one
    /// closing ';'; rejects everything else.</summary>
    public static GuardResult Check(string sql)
    {
        Token[] tokens;
        try
        {
            tokens = Lexer.TokenizeShared(sql);
        }
        catch (SqlSyntaxError e)
        {
            return GuardResult.Rejected($"The text does not lex at {e.Line}:{e.Column}: expected {e.Expected}, found {e.Found}.");
        }

        if (tokens[0].Kind == TokenKind.End)
        {
            return GuardResult.Rejected("There is no statement.");
        }

        if (FirstWord(tokens, 0) is var first && first.Keyword is not (Keyword.SELECT or Keyword.WITH))
        {
            return GuardResult.Rejected($"Only SELECT is allowed, not '{Describe(sql, first)}'.");
        }

        for (var i = 0; i < tokens.Length && tokens[i].Kind != TokenKind.End; i++)
        {
            if (tokens[i].Kind == TokenKind.Semicolon)
            {
                // The server starts another statement after any ';' followed by more than whitespace (even a
                // lone comment is an empty statement), so only one closing ';' is accepted.
                if (tokens[i + 1].Kind != TokenKind.End || !LexerRules.IsBlank(sql.AsSpan(tokens[i].End)))
                {
                    return GuardResult.Rejected("More than one statement: only a single closing ';' may follow the SELECT, with nothing after it.");
                }

                continue;
            }

            if (Check(sql, tokens, i) is { } reason)
            {
                return GuardResult.Rejected(reason);
            }
        }

        return GuardResult.Allowed;
    }

    private static Token FirstWord(Token[] tokens, int i)
    {
        while (tokens[i].Kind == TokenKind.LParen)
        {
            i++;
        }

        return tokens[i].Kind == TokenKind.Word ? tokens[i] : tokens[i] with { Keyword = Keyword.None };
    }

    private static string Describe(string sql, Token token) => token.Kind == TokenKind.End ? "end of input" : token.Text(sql);

    private static string? Check(string sql, Token[] tokens, int i)
    {
        var token = tokens[i];
        var next = tokens[Math.Min(i + 1, tokens.Length - 1)];
        if (token.Kind == TokenKind.Assign)
        {
            return "Variable assignment (:=) is not allowed.";
        }

        // The server calls a native function by its quoted name too: `SLEEP`(5) sleeps.
        if (token.Kind == TokenKind.QuotedIdentifier && next.Kind == TokenKind.LParen && LiveServerState.Name(sql, token) is var quoted
            && ForbiddenFunctions.Contains(quoted))
        {
            return $"The function {quoted.ToUpperInvariant()} has side effects or takes locks (quoted, it is still called).";
        }

        if (token.Kind != TokenKind.Word)
        {
            return null;
        }

        var word = token.Span(sql);
        return token.Keyword switch
        {
            Keyword.INTO => "SELECT … INTO (OUTFILE, DUMPFILE or a variable) is not allowed.",
            Keyword.FOR when next.Keyword is Keyword.UPDATE or Keyword.SHARE => $"Locking reads (FOR {next.Text(sql).ToUpperInvariant()}) are not allowed.",
            Keyword.LOCK when next.Keyword == Keyword.IN => "LOCK IN SHARE MODE is not allowed.",
            _ when next.Kind == TokenKind.LParen && ForbiddenWords.Contains(word) => $"The function {word.ToString().ToUpperInvariant()} has side effects or takes locks.",
            _ when word.Equals("PROCEDURE", StringComparison.OrdinalIgnoreCase) => "SELECT … PROCEDURE is not allowed.",
            _ when next.Kind != TokenKind.LParen && DataChangingWords.Contains(word) => $"{word.ToString().ToUpperInvariant()} is not allowed (WITH … may only lead to a SELECT).",
            _ when word.Equals("VALUE", StringComparison.OrdinalIgnoreCase) && next.Keyword == Keyword.FOR
                   && i > 0 && tokens[i - 1].Text(sql).ToUpperInvariant() is "NEXT" or "PREVIOUS" => "Sequence access (NEXT VALUE FOR) is not allowed.",
            _ => null,
        };
    }
}
