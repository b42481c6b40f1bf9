using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Parsing;

/// <summary>A hand-written recursive-descent parser for the MySQL 8 / MariaDB SELECT dialect.</summary>
internal sealed partial class Parser
{
    private readonly string _source;
    private readonly Token[] _tokens;
    private int _index;
    private int _selectCount;

    private Parser(string source, Token[] tokens)
    {
        _source = source;
        _tokens = tokens;
    }

    public static SyntaxTree Parse(string source)
    {
        var tokens = Lexer.TokenizeShared(source);
        var parser = new Parser(source, tokens);
        var root = parser.ParseStatement();
        return new SyntaxTree(source, tokens, root);
    }

    private Query ParseStatement()
    {
        var query = ParseQuery();
        if (Accept(TokenKind.Semicolon) && !LexerRules.IsBlank(_source.AsSpan(_tokens[_index - 1].End)))
        {
            throw SqlSyntaxError.At(_source, _tokens[_index - 1].End, "nothing after the closing ';'", "more text (another statement)");
        }

        if (Current.Kind != TokenKind.End)
        {
            throw Error("end of statement");
        }

        return query;
    }

    private Token Current => _tokens[_index];

    private Token Peek(int ahead = 1) => _tokens[Math.Min(_index + ahead, _tokens.Length - 1)];

    private Token Advance() => _tokens[_index < _tokens.Length - 1 ? _index++ : _index];

    private int PreviousEnd => _index > 0 ? _tokens[_index - 1].End : 0;

    private bool At(Keyword keyword) => Current.Keyword == keyword && Current.Kind == TokenKind.Word;

    private bool At(TokenKind kind) => Current.Kind == kind;

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _index++;
        return true;
    }

    private bool Accept(Keyword keyword)
    {
        if (!At(keyword))
        {
            return false;
        }

        _index++;
        return true;
    }

    private Token Expect(TokenKind kind, string what) => Current.Kind == kind ? Advance() : throw Error(what);

    private Token Expect(Keyword keyword) => At(keyword) ? Advance() : throw Error(keyword.ToString());

    private SqlSyntaxError Error(string expected)
    {
        var token = Current;
        var found = token.Kind == TokenKind.End ? "end of input" : $"'{token.Text(_source)}'";
        return SqlSyntaxError.At(_source, token.Start, expected, found);
    }

    private bool AtIdentifier =>
        Current.Kind == TokenKind.QuotedIdentifier || (Current.Kind == TokenKind.Word && !Keywords.IsReserved(Current.Keyword));

    private string ExpectIdentifier(string what = "an identifier")
    {
        if (!AtIdentifier)
        {
            throw Error(what);
        }

        return IdentifierValue(Advance());
    }

    private string IdentifierValue(Token token)
    {
        if (token.Kind != TokenKind.QuotedIdentifier)
        {
            return token.Text(_source);
        }

        var inner = _source.AsSpan(token.Start + 1, token.Length - 2);
        return inner.Contains('`') ? inner.ToString().Replace("``", "`", StringComparison.Ordinal) : inner.ToString();
    }

    /// <summary>An alias after an optional AS: an identifier or a string.</summary>
    private string? ParseAlias()
    {
        if (Accept(Keyword.AS))
        {
            return At(TokenKind.String) ? StringValue(Advance()) : ExpectIdentifier("an alias");
        }

        if (AtIdentifier)
        {
            return IdentifierValue(Advance());
        }

        return At(TokenKind.String) ? StringValue(Advance()) : null;
    }

    private string StringValue(Token token) => SqlStrings.Decode(_source.AsSpan(token.Start, token.Length));

    private List<string> ParseNameList()
    {
        Expect(TokenKind.LParen, "'('");
        var names = new List<string> { ExpectIdentifier() };
        while (Accept(TokenKind.Comma))
        {
            names.Add(ExpectIdentifier());
        }

        Expect(TokenKind.RParen, "')'");
        return names;
    }

    /// <summary>Skips a balanced parenthesised group, returning the token range it covered.</summary>
    private TokenRange SkipBalanced()
    {
        var first = _index;
        Expect(TokenKind.LParen, "'('");
        var depth = 1;
        while (depth > 0)
        {
            var kind = Advance().Kind;
            if (kind == TokenKind.End)
            {
                throw Error("')'");
            }

            depth += kind == TokenKind.LParen ? 1 : kind == TokenKind.RParen ? -1 : 0;
        }

        return new TokenRange(first, _index - 1);
    }
}
