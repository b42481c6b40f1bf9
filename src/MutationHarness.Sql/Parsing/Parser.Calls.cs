using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Parsing;

/// <summary>Names, function calls (with keyword-separated arguments and OVER), CASE, CAST, CONVERT, INTERVAL.</summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> IntervalUnits = new(StringComparer.OrdinalIgnoreCase)
    {
        "MICROSECOND", "SECOND", "MINUTE", "HOUR", "DAY", "WEEK", "MONTH", "QUARTER", "YEAR",
        "SECOND_MICROSECOND", "MINUTE_MICROSECOND", "MINUTE_SECOND", "HOUR_MICROSECOND", "HOUR_SECOND",
        "HOUR_MINUTE", "DAY_MICROSECOND", "DAY_SECOND", "DAY_MINUTE", "DAY_HOUR", "YEAR_MONTH",
    };

    private Expr ParseNameOrCall()
    {
        var first = Advance();
        if (At(TokenKind.LParen) && first.Kind == TokenKind.Word)
        {
            return ParseCall(first.Start, first.Text(_source).ToUpperInvariant());
        }

        var parts = new List<string> { IdentifierValue(first) };
        while (At(TokenKind.Dot))
        {
            Advance();
            if (At(TokenKind.Star))
            {
                return new NameExpr(first.Start, Advance().End, parts, true);
            }

            var part = Current.Kind is TokenKind.Word or TokenKind.QuotedIdentifier ? Advance() : throw Error("a name after '.'");
            parts.Add(IdentifierValue(part));
            if (At(TokenKind.LParen) && part.Kind == TokenKind.Word)
            {
                return ParseCall(first.Start, string.Join('.', parts).ToUpperInvariant());
            }
        }

        return new NameExpr(first.Start, PreviousEnd, parts, false);
    }

    private CallExpr ParseCall(int start, string name)
    {
        Expect(TokenKind.LParen, "'('");
        var args = new List<CallArg>();
        var position = name == "POSITION";
        while (!At(TokenKind.RParen))
        {
            var token = Current;
            if (token.Kind == TokenKind.Comma)
            {
                Advance();
                args.Add(new CallArg(",", null));
            }
            else if (token.Kind == TokenKind.Word && token.Keyword is Keyword.FROM or Keyword.FOR or Keyword.USING
                         or Keyword.SEPARATOR or Keyword.AS or Keyword.DISTINCT or Keyword.ALL or Keyword.LEADING
                         or Keyword.TRAILING or Keyword.BOTH or Keyword.ASC or Keyword.DESC
                     || (position && token.Keyword == Keyword.IN))
            {
                Advance();
                args.Add(new CallArg(token.Keyword.ToString(), null));
            }
            else if (token.Kind == TokenKind.Word && token.Keyword == Keyword.ORDER && Peek().Is(Keyword.BY))
            {
                _index += 2;
                args.Add(new CallArg("ORDER BY", null));
            }
            else if (token.Kind == TokenKind.End)
            {
                throw Error("')' closing the call");
            }
            else
            {
                args.Add(new CallArg(null, position ? ParsePositionOperand() : ParseExpression()));
            }
        }

        var end = Advance().End;
        var over = TokenRange.Empty;
        if (At(Keyword.OVER))
        {
            Advance();
            var first = _index;
            if (At(TokenKind.LParen))
            {
                SkipBalanced();
            }
            else
            {
                ExpectIdentifier("a window name");
            }

            over = new TokenRange(first, _index - 1);
            end = PreviousEnd;
        }

        return new CallExpr(start, end, name, args, over);
    }

    private CaseExpr ParseCase()
    {
        var start = Expect(Keyword.CASE).Start;
        var operand = At(Keyword.WHEN) ? null : ParseExpression();
        var whens = new List<(Expr, Expr)>();
        while (Accept(Keyword.WHEN))
        {
            var when = ParseExpression();
            Expect(Keyword.THEN);
            whens.Add((when, ParseExpression()));
        }

        if (whens.Count == 0)
        {
            throw Error("WHEN");
        }

        var elseValue = Accept(Keyword.ELSE) ? ParseExpression() : null;
        return new CaseExpr(start, Expect(Keyword.END).End, operand, whens, elseValue);
    }

    private CastExpr ParseCast()
    {
        var start = Advance().Start;
        Expect(TokenKind.LParen, "'('");
        var operand = ParseExpression();
        Expect(Keyword.AS);
        var type = SkipTypeUntilClose();
        return new CastExpr(start, PreviousEnd, CastStyle.Cast, operand, type);
    }

    private CastExpr ParseConvert()
    {
        var start = Advance().Start;
        Expect(TokenKind.LParen, "'('");
        var operand = ParseExpression();
        var style = Accept(Keyword.USING) ? CastStyle.ConvertUsing : Accept(TokenKind.Comma) ? CastStyle.Convert : throw Error("',' or USING");
        var type = SkipTypeUntilClose();
        return new CastExpr(start, PreviousEnd, style, operand, type);
    }

    /// <summary>Skips a type (or charset) up to the ')' that closes the call, returning its tokens.</summary>
    private TokenRange SkipTypeUntilClose()
    {
        var first = _index;
        var depth = 0;
        while (depth > 0 || !At(TokenKind.RParen))
        {
            var kind = Advance().Kind;
            if (kind == TokenKind.End)
            {
                throw Error("')' after the type");
            }

            depth += kind == TokenKind.LParen ? 1 : kind == TokenKind.RParen ? -1 : 0;
        }

        if (_index == first)
        {
            throw Error("a type");
        }

        Advance();
        return new TokenRange(first, _index - 2);
    }

    private Expr ParseInterval()
    {
        var start = Advance().Start;
        if (At(TokenKind.LParen) && ParseIntervalFunction(start) is { } function)
        {
            return function;
        }

        var amount = ParseExpression();
        if (AtIntervalUnit)
        {
            var unit = Advance();
            return new IntervalExpr(start, unit.End, amount, unit.Text(_source).ToUpperInvariant());
        }

        throw Error("an interval unit");
    }

    private bool AtIntervalUnit => Current.Kind == TokenKind.Word && IntervalUnits.Contains(Current.Text(_source));
}
