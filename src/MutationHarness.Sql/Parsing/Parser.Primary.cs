using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Parsing;

/// <summary>Primary expressions: literals, names, parentheses, subqueries, CASE, CAST, INTERVAL, EXISTS.</summary>
internal sealed partial class Parser
{
    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.String:
                return ParseStringLiteral(null, token.Start);
            case TokenKind.Number:
                Advance();
                return new Literal(token.Start, token.End, LiteralKind.Number, token.Text(_source));
            case TokenKind.HexLiteral or TokenKind.BitLiteral:
                Advance();
                return new Literal(token.Start, token.End, token.Kind == TokenKind.HexLiteral ? LiteralKind.Hex : LiteralKind.Bit, token.Text(_source));
            case TokenKind.Variable or TokenKind.SystemVariable or TokenKind.Param:
                Advance();
                return new NameExpr(token.Start, token.End, [token.Text(_source)], false);
            case TokenKind.LParen:
                return ParseParenthesised();
            case TokenKind.Star:
                Advance();
                return new NameExpr(token.Start, token.End, [], true);
            case TokenKind.LBrace:
                var range = SkipBraces();
                return new RawExpr(token.Start, PreviousEnd, range);
            case TokenKind.QuotedIdentifier:
                return ParseNameOrCall();
            case TokenKind.Word:
                return ParseWordPrimary(token);
            default:
                throw Error("an expression");
        }
    }

    private Expr ParseWordPrimary(Token token)
    {
        var next = Peek();
        switch (token.Keyword)
        {
            case Keyword.NULL:
                Advance();
                return new Literal(token.Start, token.End, LiteralKind.Null, "NULL");
            case Keyword.TRUE or Keyword.FALSE:
                Advance();
                return new Literal(token.Start, token.End, token.Keyword == Keyword.TRUE ? LiteralKind.True : LiteralKind.False, token.Keyword.ToString());
            case Keyword.DATE or Keyword.TIME or Keyword.TIMESTAMP when next.Kind == TokenKind.String:
                Advance();
                return ParseStringLiteral(token.Keyword.ToString(), token.Start);
            case Keyword.EXISTS:
                Advance();
                Expect(TokenKind.LParen, "'(' after EXISTS");
                var query = ParseQuery();
                return new ExistsExpr(token.Start, Expect(TokenKind.RParen, "')'").End, query);
            case Keyword.CASE:
                return ParseCase();
            case Keyword.CAST when next.Kind == TokenKind.LParen:
                return ParseCast();
            case Keyword.CONVERT when next.Kind == TokenKind.LParen:
                return ParseConvert();
            case Keyword.INTERVAL:
                return ParseInterval();
            case Keyword.MATCH when next.Kind == TokenKind.LParen:
                return ParseFullTextMatch();
            case Keyword.ROW when next.Kind == TokenKind.LParen:
                Advance();
                Advance();
                var items = ParseExpressionList();
                return new RowExpr(token.Start, Expect(TokenKind.RParen, "')'").End, items, true);
            case Keyword.NOT:
                Advance();
                var operand = ParsePredicate();
                return new UnaryExpr(token.Start, operand.End, UnaryOp.Not, operand);
        }

        if (token.Length > 1 && _source[token.Start] == '_' && next.Kind is TokenKind.String or TokenKind.HexLiteral or TokenKind.BitLiteral && next.Start == token.End + (_source[token.End] == ' ' ? 1 : 0))
        {
            Advance();
            if (next.Kind == TokenKind.String)
            {
                return ParseStringLiteral(token.Text(_source), token.Start);
            }

            Advance();
            return new Literal(token.Start, next.End, next.Kind == TokenKind.HexLiteral ? LiteralKind.Hex : LiteralKind.Bit, next.Text(_source), token.Text(_source));
        }

        if (Keywords.IsReserved(token.Keyword) && next.Kind != TokenKind.LParen)
        {
            throw Error("an expression");
        }

        return ParseNameOrCall();
    }

    private Literal ParseStringLiteral(string? prefix, int start)
    {
        var first = Expect(TokenKind.String, "a string");
        var literal = new Literal(start, first.End, LiteralKind.String, first.Text(_source), prefix);
        literal.Pieces.Add((first.Start, first.End));
        while (At(TokenKind.String))
        {
            var piece = Advance();
            literal.Pieces.Add((piece.Start, piece.End));
            literal.End = piece.End;
        }

        return prefix is "DATE" or "TIME" or "TIMESTAMP"
            ? new Literal(start, literal.End, LiteralKind.Typed, first.Text(_source), prefix)
            : literal;
    }

    private Expr ParseParenthesised()
    {
        var start = Current.Start;
        if (StartsQuery(_index + 1))
        {
            var saved = Mark();
            try
            {
                Advance();
                var query = ParseQuery();
                return new SubqueryExpr(start, Expect(TokenKind.RParen, "')'").End, query);
            }
            catch (SqlSyntaxError) when (!_tooDeep && (Peek().Kind == TokenKind.LParen || _tokens[saved.Index + 1].Kind == TokenKind.LParen))
            {
                Restore(saved);
            }
        }

        Advance();
        var first = ParseExpression();
        if (At(TokenKind.Comma))
        {
            var items = new List<Expr> { first };
            while (Accept(TokenKind.Comma))
            {
                items.Add(ParseExpression());
            }

            return new RowExpr(start, Expect(TokenKind.RParen, "')'").End, items, false);
        }

        return new ParenExpr(start, Expect(TokenKind.RParen, "')'").End, first);
    }

    private List<Expr> ParseExpressionList()
    {
        var items = new List<Expr> { ParseExpression() };
        while (Accept(TokenKind.Comma))
        {
            items.Add(ParseExpression());
        }

        return items;
    }

    private TokenRange SkipBraces()
    {
        var first = _index;
        var depth = 0;
        do
        {
            var kind = Advance().Kind;
            depth += kind == TokenKind.LBrace ? 1 : kind == TokenKind.RBrace ? -1 : 0;
            if (kind == TokenKind.End)
            {
                throw Error("'}'");
            }
        }
        while (depth > 0);

        return new TokenRange(first, _index - 1);
    }
}
