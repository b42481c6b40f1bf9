using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Parsing;

/// <summary>Query expressions: WITH, set operations, parentheses, ORDER BY / LIMIT tails.</summary>
internal sealed partial class Parser
{
    private Query ParseQuery()
    {
        Descend();
        var query = ParseQueryBody();
        Ascend();
        return query;
    }

    private Query ParseQueryBody()
    {
        if (At(Keyword.WITH))
        {
            return ParseWith();
        }

        var body = ParseSetOperation();
        ParseTail(body);
        return body;
    }

    private WithQuery ParseWith()
    {
        var start = Expect(Keyword.WITH).Start;
        var recursive = Accept(Keyword.RECURSIVE);
        var ctes = new List<Cte>();
        do
        {
            var name = ExpectIdentifier("a CTE name");
            var columns = At(TokenKind.LParen) ? ParseNameList() : null;
            Expect(Keyword.AS);
            Expect(TokenKind.LParen, "'(' before the CTE body");
            var body = ParseQuery();
            Expect(TokenKind.RParen, "')' after the CTE body");
            ctes.Add(new Cte(name, columns, body));
        }
        while (Accept(TokenKind.Comma));

        var main = ParseQuery();
        if (main is SelectQuery select)
        {
            select.CarriesWith = true;
        }

        return new WithQuery(start, recursive, ctes, main);
    }

    private Query ParseSetOperation()
    {
        var saved = BeginChain();
        var left = ParseIntersection();
        var height = ChainHeight;
        while (At(Keyword.UNION) || At(Keyword.EXCEPT))
        {
            Enter();
            left = ParseSetOperator(left, ParseIntersection);
            Exit();
            height = Link(height);
        }

        EndChain(saved);
        return left;
    }

    private Query ParseIntersection()
    {
        var saved = BeginChain();
        var left = ParseQueryPrimary();
        var height = ChainHeight;
        while (At(Keyword.INTERSECT))
        {
            Enter();
            left = ParseSetOperator(left, ParseQueryPrimary);
            Exit();
            height = Link(height);
        }

        EndChain(saved);
        return left;
    }

    private SetOpQuery ParseSetOperator(Query left, Func<Query> right)
    {
        var op = Advance();
        var kind = op.Keyword switch { Keyword.UNION => SetOpKind.Union, Keyword.EXCEPT => SetOpKind.Except, _ => SetOpKind.Intersect };
        var quantifier = Accept(Keyword.ALL) ? SetQuantifier.All : Accept(Keyword.DISTINCT) ? SetQuantifier.Distinct : SetQuantifier.None;
        var opEnd = PreviousEnd;
        return new SetOpQuery(left, kind, quantifier, right(), op.Start, opEnd) { KeywordEnd = op.End };
    }

    private Query ParseQueryPrimary()
    {
        if (At(TokenKind.LParen))
        {
            var start = Advance().Start;
            var inner = ParseQuery();
            var end = Expect(TokenKind.RParen, "')'").End;
            return new ParenQuery(start, end, inner);
        }

        if (At(Keyword.SELECT))
        {
            return ParseSelect();
        }

        if (At(Keyword.VALUES))
        {
            return ParseValues();
        }

        throw Error("SELECT or '('");
    }

    /// <summary>ORDER BY, LIMIT, INTO and locking clauses after a query; they belong to the whole query.</summary>
    private void ParseTail(Query query)
    {
        if (At(Keyword.ORDER) && Peek().Is(Keyword.BY))
        {
            _index += 2;
            query.OrderBy = ParseOrderItems();
        }

        query.Limit = ParseLimitClause();

        var first = _index;
        while (At(Keyword.INTO) || At(Keyword.FOR) || At(Keyword.LOCK))
        {
            SkipTrailerClause();
        }

        if (_index > first)
        {
            query.Trailer = new TokenRange(first, _index - 1);
        }

        query.End = Math.Max(query.End, PreviousEnd);
    }

    private void SkipTrailerClause()
    {
        Advance();
        while (!At(TokenKind.End) && !At(TokenKind.RParen) && !At(TokenKind.Semicolon)
               && !At(Keyword.UNION) && !At(Keyword.EXCEPT) && !At(Keyword.INTERSECT)
               && !At(Keyword.INTO) && !At(Keyword.FOR) && !At(Keyword.LOCK) && !At(Keyword.FROM))
        {
            Advance();
        }
    }

    private List<OrderItem> ParseOrderItems()
    {
        var items = new List<OrderItem>();
        do
        {
            var value = ParseExpression();
            bool? descending = Accept(Keyword.DESC) ? true : Accept(Keyword.ASC) ? false : null;
            items.Add(new OrderItem(value, descending));
        }
        while (Accept(TokenKind.Comma));

        return items;
    }
}
