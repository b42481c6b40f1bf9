using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Parsing;

/// <summary>Expressions by MySQL precedence, from OR down to the unary operators.</summary>
internal sealed partial class Parser
{
    private Expr ParseExpression()
    {
        if (At(TokenKind.Variable) && Peek().Kind == TokenKind.Assign)
        {
            var variable = ParsePrimary();
            var op = Advance();
            return new BinaryExpr(variable, BinaryOp.Assign, ParseExpression(), op.Start, op.End);
        }

        return ParseOr();
    }

    private Expr ParseOr()
    {
        var left = ParseXor();
        while (At(Keyword.OR) || At(TokenKind.PipePipe))
        {
            var op = Advance();
            left = new BinaryExpr(left, BinaryOp.Or, ParseXor(), op.Start, op.End);
        }

        return left;
    }

    private Expr ParseXor()
    {
        var left = ParseAnd();
        while (At(Keyword.XOR))
        {
            var op = Advance();
            left = new BinaryExpr(left, BinaryOp.Xor, ParseAnd(), op.Start, op.End);
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (At(Keyword.AND) || At(TokenKind.AmpAmp))
        {
            var op = Advance();
            left = new BinaryExpr(left, BinaryOp.And, ParseNot(), op.Start, op.End);
        }

        return left;
    }

    private Expr ParseNot()
    {
        if (At(Keyword.NOT))
        {
            var start = Advance().Start;
            var operand = ParseNot();
            return new UnaryExpr(start, operand.End, UnaryOp.Not, operand);
        }

        return ParsePredicate();
    }

    /// <summary>The comparison a token is, or null (also used by the token-level conformance check).</summary>
    internal static BinaryOp? ComparisonOp(TokenKind kind) => kind switch
    {
        TokenKind.Eq => BinaryOp.Eq,
        TokenKind.NullSafeEq => BinaryOp.NullSafeEq,
        TokenKind.Ne => BinaryOp.Ne,
        TokenKind.Lt => BinaryOp.Lt,
        TokenKind.Le => BinaryOp.Le,
        TokenKind.Gt => BinaryOp.Gt,
        TokenKind.Ge => BinaryOp.Ge,
        _ => null,
    };

    // MySQL's grammar: bool_pri := bool_pri comp_op predicate | bool_pri IS [NOT] NULL | predicate, and
    // predicate := bit_expr [NOT] IN | BETWEEN | LIKE | REGEXP …: so `a = b LIKE c` is `a = (b LIKE c)`.
    private Expr ParsePredicate()
    {
        var left = ParseSimplePredicate();
        while (true)
        {
            if (ComparisonOp(Current.Kind) is { } cmp)
            {
                left = ParseComparison(left, cmp);
                continue;
            }

            if (!At(Keyword.IS))
            {
                return left;
            }

            Advance();
            var not = Accept(Keyword.NOT);
            var what = Current.Keyword switch
            {
                Keyword.TRUE => IsWhat.True,
                Keyword.FALSE => IsWhat.False,
                Keyword.UNKNOWN => IsWhat.Unknown,
                Keyword.NULL => IsWhat.Null,
                _ => throw Error("TRUE, FALSE, UNKNOWN or NULL"),
            };
            left = new IsExpr(left, not, what, Advance().End);
        }
    }

    /// <summary>A bit expression with its IN, BETWEEN, LIKE, REGEXP, SOUNDS LIKE or MEMBER OF tests (chained leniently, left to right).</summary>
    private Expr ParseSimplePredicate()
    {
        var left = ParseBitOr();
        while (true)
        {
            if (At(Keyword.SOUNDS) && Peek().Is(Keyword.LIKE))
            {
                var op = Advance();
                Advance();
                left = new BinaryExpr(left, BinaryOp.SoundsLike, ParseBitOr(), op.Start, PreviousEnd);
                continue;
            }

            var negated = At(Keyword.NOT) && Peek().Keyword is Keyword.BETWEEN or Keyword.IN or Keyword.LIKE or Keyword.REGEXP or Keyword.RLIKE;
            if (negated)
            {
                Advance();
            }

            switch (Current.Kind == TokenKind.Word ? Current.Keyword : Keyword.None)
            {
                case Keyword.BETWEEN:
                    Advance();
                    var low = ParseBitOr();
                    Expect(Keyword.AND);
                    // The upper bound is itself a predicate: `x BETWEEN 1 AND y LIKE z` bounds by (y LIKE z).
                    left = new BetweenExpr(left, negated, low, ParseSimplePredicate());
                    continue;
                case Keyword.IN:
                    Advance();
                    left = ParseIn(left, negated);
                    continue;
                case Keyword.LIKE:
                    Advance();
                    var pattern = ParseBitOr();
                    var escape = Accept(Keyword.ESCAPE) ? ParsePrimary() : null;
                    left = new MatchExpr(left, negated, false, pattern, escape, PreviousEnd);
                    continue;
                case Keyword.REGEXP or Keyword.RLIKE:
                    Advance();
                    left = new MatchExpr(left, negated, true, ParseBitOr(), null, PreviousEnd);
                    continue;
                case Keyword.MEMBER when Peek().Is(Keyword.OF):
                    var member = Advance();
                    Advance();
                    var json = ParsePrimary();
                    left = new BinaryExpr(left, BinaryOp.MemberOf, json, member.Start, member.End);
                    continue;
            }

            return left;
        }
    }

    private Expr ParseComparison(Expr left, BinaryOp op)
    {
        var opToken = Advance();
        if (Current.Keyword is Keyword.ANY or Keyword.SOME or Keyword.ALL && Peek().Kind == TokenKind.LParen && StartsQuery(index + 1))
        {
            var quantifier = Current.Keyword switch { Keyword.ANY => Quantifier.Any, Keyword.SOME => Quantifier.Some, _ => Quantifier.All };
            Advance();
            Expect(TokenKind.LParen, "'('");
            var query = ParseQuery();
            var end = Expect(TokenKind.RParen, "')'").End;
            return new QuantifiedExpr(left, op, quantifier, query, opToken.Start, opToken.End, end);
        }

        return new BinaryExpr(left, op, ParseSimplePredicate(), opToken.Start, opToken.End);
    }

    private Expr ParseIn(Expr left, bool negated)
    {
        Expect(TokenKind.LParen, "'(' after IN");
        if (StartsQuery(index))
        {
            var saved = index;
            try
            {
                var query = ParseQuery();
                return new InQueryExpr(left, negated, query, Expect(TokenKind.RParen, "')'").End);
            }
            catch (SqlSyntaxError) when (tokens[saved].Kind == TokenKind.LParen)
            {
                index = saved;
            }
        }

        var items = new List<Expr> { ParseExpression() };
        while (Accept(TokenKind.Comma))
        {
            items.Add(ParseExpression());
        }

        var close = Expect(TokenKind.RParen, "')' closing the IN list");
        return new InListExpr(left, negated, items, close.Start);
    }
}
