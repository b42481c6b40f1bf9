using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Parsing;

/// <summary>One SELECT: modifiers, select list, FROM, WHERE, GROUP BY, HAVING, WINDOW.</summary>
internal sealed partial class Parser
{
    private SelectQuery ParseSelect()
    {
        var keyword = Expect(Keyword.SELECT);
        var select = new SelectQuery(keyword.Start, ++_selectCount) { KeywordEnd = keyword.End };
        ParseSelectOptions(select);
        do
        {
            select.Items.Add(ParseSelectItem());
        }
        while (Accept(TokenKind.Comma));

        if (At(Keyword.INTO))
        {
            var first = _index;
            SkipTrailerClause();
            select.Trailer = new TokenRange(first, _index - 1);
        }

        if (Accept(Keyword.FROM))
        {
            select.From = ParseTableReferences();
        }

        if (Accept(Keyword.WHERE))
        {
            select.Where = ParseExpression();
        }

        if (At(Keyword.GROUP) && Peek().Is(Keyword.BY))
        {
            _index += 2;
            select.GroupBy = ParseGroupItems();
            if (At(Keyword.WITH) && Peek().Text(_source).Equals("ROLLUP", StringComparison.OrdinalIgnoreCase))
            {
                _index += 2;
                select.WithRollup = true;
            }
        }

        if (Accept(Keyword.HAVING))
        {
            select.Having = ParseExpression();
        }

        if (At(Keyword.WINDOW))
        {
            select.Window = ParseWindowClause();
        }

        select.End = PreviousEnd;
        return select;
    }

    private void ParseSelectOptions(SelectQuery select)
    {
        while (Current.Kind == TokenKind.Word)
        {
            var keyword = Current.Keyword;
            if (keyword is Keyword.DISTINCT or Keyword.DISTINCTROW or Keyword.ALL)
            {
                select.DistinctToken = (Current.Start, Current.End);
                select.IsDistinct = keyword != Keyword.ALL;
            }
            else if (keyword is Keyword.HIGH_PRIORITY or Keyword.STRAIGHT_JOIN or Keyword.SQL_SMALL_RESULT
                     or Keyword.SQL_BIG_RESULT or Keyword.SQL_BUFFER_RESULT or Keyword.SQL_NO_CACHE
                     or Keyword.SQL_CACHE or Keyword.SQL_CALC_FOUND_ROWS)
            {
                select.Options.Add(keyword.ToString());
            }
            else
            {
                return;
            }

            _index++;
        }
    }

    private SelectItem ParseSelectItem()
    {
        var value = ParseExpression();
        return new SelectItem(value, value is NameExpr { Star: true } ? null : ParseAlias());
    }

    private List<Expr> ParseGroupItems()
    {
        var items = new List<Expr>();
        do
        {
            items.Add(ParseExpression());
            if (!Accept(Keyword.ASC))
            {
                Accept(Keyword.DESC);
            }
        }
        while (Accept(TokenKind.Comma));

        return items;
    }

    private TokenRange ParseWindowClause()
    {
        var first = _index;
        Expect(Keyword.WINDOW);
        do
        {
            ExpectIdentifier("a window name");
            Expect(Keyword.AS);
            SkipBalanced();
        }
        while (Accept(TokenKind.Comma));

        return new TokenRange(first, _index - 1);
    }
}
