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
    private static Token[]? s_sharedBuffer;

    private readonly string _source;
    private Token[] _tokens;
    private int _count;
    private int _pos;

    private Lexer(string source, Token[] buffer)
    {
        _source = source;
        _tokens = buffer;
    }

    public static Token[] Tokenize(string source) => Tokenize(source, []);

    // The verify pipeline guards, scans and checks the same two strings (original and mutant) in a row; the last
    // two texts tokenised on this thread are remembered by reference so each side is lexed once. Token arrays
    // are never written after lexing, so sharing them is safe.
    [ThreadStatic]
    private static string? s_recentText;
    [ThreadStatic]
    private static Token[]? s_recentTokens;
    [ThreadStatic]
    private static string? s_olderText;
    [ThreadStatic]
    private static Token[]? s_olderTokens;

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
        ReferenceEquals(source, s_recentText) ? s_recentTokens : ReferenceEquals(source, s_olderText) ? s_olderTokens : null;

    public static void Remember(string source, Token[] tokens)
    {
        (s_olderText, s_olderTokens) = (s_recentText, s_recentTokens);
        (s_recentText, s_recentTokens) = (source, tokens);
    }

    /// <summary>Tokenises <paramref name="source"/> whose text starts with the tokens <paramref name="head"/> already
    /// lexed (from another text with the same beginning, outside any executable comment). The caller guarantees
    /// the two texts agree at least 3 characters past the last head token, the lexer's furthest lookahead.</summary>
    public static Token[] Tokenize(string source, ReadOnlySpan<Token> head)
    {
        var buffer = s_sharedBuffer ?? new Token[Math.Max(256, head.Length * 2)];
        s_sharedBuffer = null; // a re-entrant call (none today) would get its own buffer
        if (buffer.Length <= head.Length)
        {
            buffer = new Token[head.Length * 2];
        }

        LexerRules.RefuseNul(source);
        head.CopyTo(buffer);
        var lexer = new Lexer(source, buffer) { _count = head.Length, _pos = head.IsEmpty ? 0 : head[^1].End };
        try
        {
            lexer.Run();
            return lexer._tokens.AsSpan(0, lexer._count).ToArray();
        }
        finally
        {
            s_sharedBuffer = lexer._tokens;
        }
    }

    private void Run()
    {
        while (true)
        {
            SkipTrivia();
            if (_pos >= _source.Length)
            {
                Append(new Token(TokenKind.End, _source.Length, 0, Keyword.None));
                return;
            }

            var start = _pos;
            var c = _source[_pos];
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
            else if (char.IsAsciiDigit(c) || (c == '.' && IsDigitAt(_pos + 1) && !PreviousIsName()))
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
        Append(new Token(kind, start, _pos - start, keyword));

    private void Append(Token token)
    {
        if (_count == _tokens.Length)
        {
            Array.Resize(ref _tokens, _tokens.Length * 2);
        }

        _tokens[_count++] = token;
    }

    private bool IsDigitAt(int i) => i < _source.Length && char.IsAsciiDigit(_source[i]);

    private char At(int i) => i < _source.Length ? _source[i] : '\0';

    private bool PreviousIsName() =>
        _count > 0 && _tokens[_count - 1].End == _pos && _tokens[_count - 1].Kind is TokenKind.Word or TokenKind.QuotedIdentifier;

    internal static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$' || c >= '\u0080';

    private void SkipTrivia()
    {
        while (_pos < _source.Length)
        {
            var c = _source[_pos];
            if (LexerRules.IsSpace(c))
            {
                _pos++;
            }
            else if (c == '#' || (c == '-' && At(_pos + 1) == '-' && LexerRules.EndsDashes(_source, _pos + 2)))
            {
                // To the end of the line only: '\r' does not end it (NUL, which would, is refused up front).
                var newline = _source.IndexOf('\n', _pos);
                _pos = newline < 0 ? _source.Length : newline;
            }
            else if (c == '/' && At(_pos + 1) == '*')
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
        var start = _pos;
        LexerRules.RefuseSpecialComment(_source, start);

        // Never nested: the server ends every plain comment at the first '*/'.
        var close = _source.IndexOf("*/", start + 2, StringComparison.Ordinal);
        if (close < 0)
        {
            throw SqlSyntaxError.At(_source, start, "'*/' closing the comment", "end of input");
        }

        _pos = close + 2;
    }

    private void SkipQuoted(char quote)
    {
        var start = _pos;
        _pos++;
        while (_pos < _source.Length)
        {
            var c = _source[_pos];
            if (c == '\\' && quote != '`')
            {
                _pos += 2;
            }
            else if (c == quote)
            {
                if (At(_pos + 1) == quote)
                {
                    _pos += 2;
                }
                else
                {
                    _pos++;
                    return;
                }
            }
            else
            {
                _pos++;
            }
        }

        throw SqlSyntaxError.At(_source, start, $"closing {quote}", "end of input");
    }

    private void LexNumberOrWord(int start)
    {
        if (_source[_pos] == '0' && At(_pos + 1) is 'x' or 'b' && TryRadixLiteral(start))
        {
            return;
        }

        while (IsDigitAt(_pos))
        {
            _pos++;
        }

        if (_pos < _source.Length && IsWordChar(_source[_pos]) && !(_source[_pos] is 'e' or 'E' && IsExponent(_pos)))
        {
            LexWord(start);
            return;
        }

        if (At(_pos) == '.')
        {
            _pos++;
            while (IsDigitAt(_pos))
            {
                _pos++;
            }
        }

        if (At(_pos) is 'e' or 'E' && IsExponent(_pos))
        {
            _pos += At(_pos + 1) is '+' or '-' ? 2 : 1;
            while (IsDigitAt(_pos))
            {
                _pos++;
            }
        }

        Add(TokenKind.Number, start);
    }

    private bool IsExponent(int at) => IsDigitAt(at + 1) || (At(at + 1) is '+' or '-' && IsDigitAt(at + 2));

    private bool TryRadixLiteral(int start)
    {
        var hex = _source[_pos + 1] == 'x';
        var end = _pos + 2;
        while (end < _source.Length && (hex ? char.IsAsciiHexDigit(_source[end]) : _source[end] is '0' or '1'))
        {
            end++;
        }

        if (end == _pos + 2 || (end < _source.Length && IsWordChar(_source[end])))
        {
            return false;
        }

        _pos = end;
        Add(hex ? TokenKind.HexLiteral : TokenKind.BitLiteral, start);
        return true;
    }

    private void LexWord(int start)
    {
        var text = _source;
        var i = _pos;
        while ((uint)i < (uint)text.Length && IsWordChar(text[i]))
        {
            i++;
        }

        _pos = i;

        if (_pos - start == 1 && At(_pos) == '\'')
        {
            var prefix = char.ToUpperInvariant(_source[start]);
            if (prefix is 'X' or 'B' or 'N')
            {
                SkipQuoted('\'');
                Add(prefix switch { 'X' => TokenKind.HexLiteral, 'B' => TokenKind.BitLiteral, _ => TokenKind.String }, start);
                return;
            }
        }

        Add(TokenKind.Word, start, Keywords.Find(_source.AsSpan(start, _pos - start)));
    }

    private void LexVariable(int start)
    {
        _pos++;
        var system = At(_pos) == '@';
        if (system)
        {
            _pos++;
        }

        if (At(_pos) is '\'' or '"' or '`')
        {
            SkipQuoted(_source[_pos]);
        }
        else
        {
            while (_pos < _source.Length && (IsWordChar(_source[_pos]) || (system && _source[_pos] == '.')))
            {
                _pos++;
            }
        }

        Add(system ? TokenKind.SystemVariable : TokenKind.Variable, start);
    }
}
