using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Parsing;

/// <summary>FROM: table references, joins, derived tables and index hints.</summary>
internal sealed partial class Parser
{
    private TableRef ParseTableReferences()
    {
        var saved = BeginChain();
        var left = ParseJoinChain();
        var height = ChainHeight;
        while (Accept(TokenKind.Comma))
        {
            Enter();
            var right = ParseJoinChain();
            Exit();
            height = Link(height);
            left = new JoinRef(left, JoinKind.Comma, right, null, null, right.End);
        }

        EndChain(saved);
        return left;
    }

    private TableRef ParseJoinChain()
    {
        var saved = BeginChain();
        var left = ParseTableFactor();
        var height = ChainHeight;
        while (true)
        {
            var kind = ParseJoinKeyword();
            if (kind is null)
            {
                EndChain(saved);
                return left;
            }

            Enter();
            var right = ParseTableFactor();
            Expr? on = null;
            List<string>? usingColumns = null;
            if (kind is not (JoinKind.Natural or JoinKind.NaturalLeft or JoinKind.NaturalRight))
            {
                if (Accept(Keyword.ON))
                {
                    on = ParseExpression();
                }
                else if (Accept(Keyword.USING))
                {
                    usingColumns = ParseNameList();
                }
                else if (kind is JoinKind.Left or JoinKind.Right)
                {
                    throw Error("ON or USING");
                }
            }

            Exit();
            height = Link(height);
            left = new JoinRef(left, kind.Value, right, on, usingColumns, PreviousEnd);
        }
    }

    private JoinKind? ParseJoinKeyword()
    {
        var start = _index;
        JoinKind? kind = Current.Keyword switch
        {
            Keyword.JOIN => JoinKind.Inner,
            Keyword.INNER => JoinKind.Inner,
            Keyword.CROSS => JoinKind.Cross,
            Keyword.STRAIGHT_JOIN => JoinKind.Straight,
            Keyword.LEFT => JoinKind.Left,
            Keyword.RIGHT => JoinKind.Right,
            Keyword.NATURAL => JoinKind.Natural,
            _ => null,
        };
        if (kind is null || Current.Kind != TokenKind.Word)
        {
            return null;
        }

        var bareJoin = Current.Keyword == Keyword.JOIN;
        _index++;
        if (bareJoin)
        {
            return kind;
        }

        if (kind == JoinKind.Natural)
        {
            kind = Accept(Keyword.LEFT) ? JoinKind.NaturalLeft : Accept(Keyword.RIGHT) ? JoinKind.NaturalRight : kind;
        }

        Accept(Keyword.OUTER);
        if (kind != JoinKind.Straight && !Accept(Keyword.JOIN))
        {
            _index = start;
            throw Error("JOIN");
        }

        return kind;
    }

    private TableRef ParseTableFactor()
    {
        var start = Current.Start;
        var lateral = Accept(Keyword.LATERAL);
        if (At(TokenKind.LParen))
        {
            if (lateral || StartsQuery(_index + 1))
            {
                var saved = Mark();
                try
                {
                    return ParseDerivedTable(start, lateral);
                }
                catch (SqlSyntaxError) when (!_tooDeep && !lateral && Peek().Kind == TokenKind.LParen)
                {
                    Restore(saved);
                }
            }

            Advance();
            Descend();
            var inner = ParseTableReferences();
            Ascend();
            var end = Expect(TokenKind.RParen, "')'").End;
            return new ParenTableRef(start, end, inner);
        }

        if (!lateral && AtJsonTable)
        {
            return ParseJsonTable();
        }

        var parts = new List<string> { ExpectIdentifier("a table name") };
        while (Accept(TokenKind.Dot))
        {
            parts.Add(ExpectIdentifier("a table name"));
        }

        var partitionFirst = _index;
        if (At(Keyword.PARTITION))
        {
            Advance();
            SkipBalanced();
        }

        var partition = new TokenRange(partitionFirst, _index - 1);
        var alias = ParseAlias();
        var hintsFirst = _index;
        while (At(Keyword.USE) || At(Keyword.IGNORE) || At(Keyword.FORCE))
        {
            SkipIndexHint();
        }

        return new TableName(start, PreviousEnd, parts, alias, new TokenRange(hintsFirst, _index - 1)) { Partition = partition };
    }

    private DerivedTable ParseDerivedTable(int start, bool lateral)
    {
        Expect(TokenKind.LParen, "'('");
        var query = ParseQuery();
        Expect(TokenKind.RParen, "')'");
        var alias = ParseAlias();
        var columns = alias is not null && At(TokenKind.LParen) ? ParseNameList() : null;
        return new DerivedTable(start, PreviousEnd, query, alias, columns, lateral);
    }

    /// <summary>True when a query (not an expression or a table list) starts at the given token, looking through '('.</summary>
    private bool StartsQuery(int at)
    {
        while (_tokens[at].Kind == TokenKind.LParen)
        {
            at++;
        }

        return _tokens[at].Keyword is Keyword.SELECT or Keyword.WITH or Keyword.VALUES && _tokens[at].Kind == TokenKind.Word;
    }

    private void SkipIndexHint()
    {
        Advance();
        if (!Accept(Keyword.INDEX))
        {
            Expect(Keyword.KEY);
        }

        if (Accept(Keyword.FOR))
        {
            if (!Accept(Keyword.JOIN))
            {
                if (!Accept(Keyword.ORDER))
                {
                    Expect(Keyword.GROUP);
                }

                Expect(Keyword.BY);
            }
        }

        SkipBalanced();
    }
}
