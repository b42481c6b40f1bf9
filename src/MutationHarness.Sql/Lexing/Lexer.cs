namespace MutationHarness.Sql.Lexing;

/// <summary>Splits MySQL text into significant tokens, reading comments, quotes and whitespace exactly as the
/// MariaDB/MySQL server does (with the harness's pinned <c>sql_mode</c>: backslash escapes on, no ANSI_QUOTES);
/// what the server would read by another rule (executable comments, optimizer hints, NUL) is refused
/// (see <see cref="LexerRules"/>).</summary>
internal sealed partial class Lexer
{
    // One growable buffer per thread: tokenising is on every check's hot path, and a fresh list per call cost
    // more in allocation and zeroing than the lexing itself. Only the exact-size result array is allocated.
    [ThreadStatic]
    private static Token[]? sharedBuffer;

    private readonly string source;
    private Token[] tokens;
    private int count;
    private int pos;

    private Lexer(string source, Token[] buffer)
    {
        this.source = source;
        tokens = buffer;
    }

    public static Token[] Tokenize(string source) => Tokenize(source, []);

    // The verify pipeline guards, scans and checks the same two strings (original and mutant) in a row; the last
    // two texts tokenised on this thread are remembered by reference so each side is lexed once. Token arrays
    // are never written after lexing, so sharing them is safe.
    [ThreadStatic]
    private static string? recentText;
    [ThreadStatic]
    private static Token[]? recentTokens;
    [ThreadStatic]
    private static string? olderText;
    [ThreadStatic]
    private static Token[]? olderTokens;

    /// <summary>Like <see cref="Tokenize(string)"/>, but reuses the tokens of the same string object when it was
    /// one of the last two tokenised here.</summary>
    public static Token[] TokenizeShared(string source)
    {
        if (TryShared(source) is { } known)
        {
            return known;
        }

        var tokens = Tokenize(source);
        Remember(source, tokens);
        return tokens;
    }

    public static Token[]? TryShared(string source) =>
        ReferenceEquals(source, recentText) ? recentTokens : ReferenceEquals(source, olderText) ? olderTokens : null;

    public static void Remember(string source, Token[] tokens)
    {
        (olderText, olderTokens) = (recentText, recentTokens);
        (recentText, recentTokens) = (source, tokens);
    }

    /// <summary>Tokenises <paramref name="source"/> whose text starts with the tokens <paramref name="head"/> already
    /// lexed (from another text with the same beginning, outside any executable comment). The caller guarantees
    /// the two texts agree at least 3 characters past the last head token, the lexer's furthest lookahead.</summary>
    public static Token[] Tokenize(string source, ReadOnlySpan<Token> head)
    {
        var buffer = sharedBuffer ?? new Token[Math.Max(256, head.Length * 2)];
        sharedBuffer = null; // a re-entrant call (none today) would get its own buffer
        if (buffer.Length <= head.Length)
        {
            buffer = new Token[head.Length * 2];
        }

        LexerRules.RefuseNul(source);
        head.CopyTo(buffer);
        var lexer = new Lexer(source, buffer) { count = head.Length, pos = head.IsEmpty ? 0 : head[^1].End };
        try
        {
            lexer.Run();
            return lexer.tokens.AsSpan(0, lexer.count).ToArray();
        }
        finally
        {
            sharedBuffer = lexer.tokens;
        }
    }

    private void Run()
    {
        while (true)
        {
            SkipTrivia();
            if (pos >= source.Length)
            {
                Append(new Token(TokenKind.End, source.Length, 0, Keyword.None));
                return;
            }

            var start = pos;
            var c = source[pos];
            if (c is '\'' or '"')
            {
                SkipQuoted(c);
                Add(TokenKind.String, start);
            }
            else if (c == '`')
            {
                SkipQuoted('`');
                Add(TokenKind.QuotedIdentifier, start);
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && IsDigitAt(pos + 1) && !PreviousIsName()))
            {
                LexNumberOrWord(start);
            }
            else if (IsWordChar(c))
            {
                LexWord(start);
            }
            else if (c == '@')
            {
                LexVariable(start);
            }
            else
            {
                LexOperator(start, c);
            }
        }
    }

    private void Add(TokenKind kind, int start, Keyword keyword = Keyword.None) =>
        Append(new Token(kind, start, pos - start, keyword));

    private void Append(Token token)
    {
        if (count == tokens.Length)
        {
            Array.Resize(ref tokens, tokens.Length * 2);
        }

        tokens[count++] = token;
    }

    private bool IsDigitAt(int i) => i < source.Length && char.IsAsciiDigit(source[i]);

    private char At(int i) => i < source.Length ? source[i] : '\0';

    private bool PreviousIsName() =>
        count > 0 && tokens[count - 1].End == pos && tokens[count - 1].Kind is TokenKind.Word or TokenKind.QuotedIdentifier;

    internal static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$' || c >= '\u0080';

    private void SkipTrivia()
    {
        while (pos < source.Length)
        {
            var c = source[pos];
            if (LexerRules.IsSpace(c))
            {
                pos++;
            }
            else if (c == '#' || (c == '-' && At(pos + 1) == '-' && LexerRules.EndsDashes(source, pos + 2)))
            {
                // To the end of the line only: '\r' does not end it (NUL, which would, is refused up front).
                var newline = source.IndexOf('\n', pos);
                pos = newline < 0 ? source.Length : newline;
            }
            else if (c == '/' && At(pos + 1) == '*')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    private void SkipBlockComment()
    {
        var start = pos;
        LexerRules.RefuseSpecialComment(source, start);

        // Never nested: the server ends every plain comment at the first '*/'.
        var close = source.IndexOf("*/", start + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            throw SqlSyntaxError.At(source, start, "'*/' closing the comment", "end of input");
        }

        pos = close + 2;
    }

    private void SkipQuoted(char quote)
    {
        var start = pos;
        pos++;
        while (pos < source.Length)
        {
            var c = source[pos];
            if (c == '\\' && quote != '`')
            {
                pos += 2;
            }
            else if (c == quote)
            {
                if (At(pos + 1) == quote)
                {
                    pos += 2;
                }
                else
                {
                    pos++;
                    return;
                }
            }
            else
            {
                pos++;
            }
        }

        throw SqlSyntaxError.At(source, start, $"closing {quote}", "end of input");
    }

    private void LexNumberOrWord(int start)
    {
        if (source[pos] == '0' && At(pos + 1) is 'x' or 'b' && TryRadixLiteral(start))
        {
            return;
        }

        while (IsDigitAt(pos))
        {
            pos++;
        }

        if (pos < source.Length && IsWordChar(source[pos]) && !(source[pos] is 'e' or 'E' && IsExponent(pos)))
        {
            LexWord(start);
            return;
        }

        if (At(pos) == '.')
        {
            pos++;
            while (IsDigitAt(pos))
            {
                pos++;
            }
        }

        if (At(pos) is 'e' or 'E' && IsExponent(pos))
        {
            pos += At(pos + 1) is '+' or '-' ? 2 : 1;
            while (IsDigitAt(pos))
            {
                pos++;
            }
        }

        Add(TokenKind.Number, start);
    }

    private bool IsExponent(int at) => IsDigitAt(at + 1) || (At(at + 1) is '+' or '-' && IsDigitAt(at + 2));

    private bool TryRadixLiteral(int start)
    {
        var hex = source[pos + 1] == 'x';
        var end = pos + 2;
        while (end < source.Length && (hex ? char.IsAsciiHexDigit(source[end]) : source[end] is '0' or '1'))
        {
            end++;
        }

        if (end == pos + 2 || (end < source.Length && IsWordChar(source[end])))
        {
            return false;
        }

        pos = end;
        Add(hex ? TokenKind.HexLiteral : TokenKind.BitLiteral, start);
        return true;
    }

    private void LexWord(int start)
    {
        var text = source;
        var i = pos;
        while ((uint)i < (uint)text.Length && IsWordChar(text[i]))
        {
            i++;
        }

        pos = i;

        if (pos - start == 1 && At(pos) == '\'')
        {
            var prefix = char.ToUpperInvariant(source[start]);
            if (prefix is 'X' or 'B' or 'N')
            {
                SkipQuoted('\'');
                Add(prefix switch { 'X' => TokenKind.HexLiteral, 'B' => TokenKind.BitLiteral, _ => TokenKind.String }, start);
                return;
            }
        }

        Add(TokenKind.Word, start, Keywords.Find(source.AsSpan(start, pos - start)));
    }

    private void LexVariable(int start)
    {
        pos++;
        var system = At(pos) == '@';
        if (system)
        {
            pos++;
        }

        if (At(pos) is '\'' or '"' or '`')
        {
            SkipQuoted(source[pos]);
        }
        else
        {
            while (pos < source.Length && (IsWordChar(source[pos]) || (system && source[pos] == '.')))
            {
                pos++;
            }
        }

        Add(system ? TokenKind.SystemVariable : TokenKind.Variable, start);
    }
}
