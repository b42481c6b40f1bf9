using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Parsing;

/// <summary>Expressions by MySQL precedence, from OR down to the unary operators.</summary>
internal sealed partial class Parser
{
    private Expr ParseExpression()
    {
        Descend();
        var expression = ParseAssignmentOrOr();
        Ascend();
        return expression;
    }

    private Expr ParseAssignmentOrOr()
    {
        if (At(TokenKind.Variable) && Peek().Kind == TokenKind.Assign)
        {
            var variable = ParsePrimary();
            var op = Advance();
            return new BinaryExpr(variable, BinaryOp.Assign, ParseExpression(), op.Start, op.End);
        }

        return ParseOr();
    }

    /// <summary>OR (<c>||</c>), then XOR, then AND (<c>&amp;&amp;</c>), over NOT: the logical levels of <see cref="ParseChain"/>.</summary>
    private Expr ParseOr() => ParseChain(0);

    private Expr ParseNot()
    {
        if (At(Keyword.NOT))
        {
            var start = Advance().Start;
            Descend();
            var operand = ParseNot();
            Ascend();
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
        return ParseTests(static parser => parser.ParseSimplePredicate(), static (parser, left) => parser.ExtendPredicate(left));
    }

    /// <summary>The predicate with one more comparison or IS test (entered one level down), or null when none follows.</summary>
    private Expr? ExtendPredicate(Expr left)
    {
        if (ComparisonOp(Current.Kind) is { } cmp)
        {
            Enter();
            return ParseComparison(left, cmp);
        }

        if (!At(Keyword.IS))
        {
            return null;
        }

        Enter();
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
        return new IsExpr(left, not, what, Advance().End);
    }

    /// <summary>A bit expression with its IN, BETWEEN, LIKE, REGEXP, SOUNDS LIKE or MEMBER OF tests (chained leniently, left to right).</summary>
    private Expr ParseSimplePredicate()
    {
        return ParseTests(static parser => parser.ParseBitOr(), static (parser, left) => parser.ExtendSimplePredicate(left));
    }

    /// <summary>The bit expression with one more IN, BETWEEN, LIKE, REGEXP, SOUNDS LIKE or MEMBER OF test (entered
    /// one level down), or null when none follows.</summary>
    private Expr? ExtendSimplePredicate(Expr left)
    {
        if (At(Keyword.SOUNDS) && Peek().Is(Keyword.LIKE))
        {
            Enter();
            var op = Advance();
            Advance();
            return new BinaryExpr(left, BinaryOp.SoundsLike, ParseBitOr(), op.Start, PreviousEnd);
        }

        var negated = At(Keyword.NOT) && Peek().Keyword is Keyword.BETWEEN or Keyword.IN or Keyword.LIKE or Keyword.REGEXP or Keyword.RLIKE;
        var keyword = (negated ? Peek() : Current) is { Kind: TokenKind.Word } word ? word.Keyword : Keyword.None;
        if (keyword is not (Keyword.BETWEEN or Keyword.IN or Keyword.LIKE or Keyword.REGEXP or Keyword.RLIKE)
            && !(keyword == Keyword.MEMBER && Peek().Is(Keyword.OF)))
        {
            return null;
        }

        Enter();
        if (negated)
        {
            Advance();
        }

        switch (keyword)
        {
            case Keyword.BETWEEN:
                Advance();
                var low = ParseBitOr();
                Expect(Keyword.AND);
                // The upper bound is itself a predicate: `x BETWEEN 1 AND y LIKE z` bounds by (y LIKE z).
                return new BetweenExpr(left, negated, low, ParseSimplePredicate());
            case Keyword.IN:
                Advance();
                return ParseIn(left, negated);
            case Keyword.LIKE:
                Advance();
                var pattern = ParseBitOr();
                var escape = Accept(Keyword.ESCAPE) ? ParsePrimary() : null;
                return new MatchExpr(left, negated, false, pattern, escape, PreviousEnd);
            case Keyword.REGEXP or Keyword.RLIKE:
                Advance();
                return new MatchExpr(left, negated, true, ParseBitOr(), null, PreviousEnd);
            default:
                var member = Advance();
                Advance();
                var json = ParsePrimary();
                return new BinaryExpr(left, BinaryOp.MemberOf, json, member.Start, member.End);
        }
    }

    private Expr ParseComparison(Expr left, BinaryOp op)
    {
        var opToken = Advance();
        if (Current.Keyword is Keyword.ANY or Keyword.SOME or Keyword.ALL && Peek().Kind == TokenKind.LParen && StartsQuery(_index + 1))
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
        if (StartsQuery(_index))
        {
            var saved = Mark();
            try
            {
                var query = ParseQuery();
                return new InQueryExpr(left, negated, query, Expect(TokenKind.RParen, "')'").End);
            }
            catch (SqlSyntaxError) when (!_tooDeep && _tokens[saved.Index].Kind == TokenKind.LParen)
            {
                Restore(saved);
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
