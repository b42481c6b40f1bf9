using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Parsing;

/// <summary>What cuts a query's rows: LIMIT (with MariaDB's ROWS EXAMINED) or the standard OFFSET … FETCH.</summary>
internal sealed partial class Parser
{
    /// <summary>LIMIT count [OFFSET offset | , count] [ROWS EXAMINED n], LIMIT ROWS EXAMINED n, or
    /// [OFFSET n ROW|ROWS] [FETCH FIRST|NEXT [n] ROW|ROWS ONLY|WITH TIES]; null when none follows.</summary>
    private LimitClause? ParseLimitClause()
    {
        if (Accept(Keyword.LIMIT))
        {
            if (AtRowsExamined)
            {
                return new LimitClause(null, null) { RowsExamined = ParseRowsExamined() };
            }

            var first = ParseExpression();
            var limit = Accept(TokenKind.Comma) ? new LimitClause(ParseExpression(), first)
                : Accept(Keyword.OFFSET) ? new LimitClause(first, ParseExpression())
                : new LimitClause(first, null);
            return AtRowsExamined ? limit with { RowsExamined = ParseRowsExamined() } : limit;
        }

        if (!At(Keyword.OFFSET) && !At(Keyword.FETCH))
        {
            return null;
        }

        Expr? offset = null;
        if (Accept(Keyword.OFFSET))
        {
            offset = ParseExpression();
            ExpectRowOrRows();
        }

        if (!Accept(Keyword.FETCH))
        {
            return new LimitClause(null, offset) { Standard = true };
        }

        if (!AcceptWord("FIRST") && !AcceptWord("NEXT"))
        {
            throw Error("FIRST or NEXT");
        }

        var count = At(Keyword.ROW) || At(Keyword.ROWS) ? null : ParseExpression();
        ExpectRowOrRows();
        var withTies = false;
        if (Accept(Keyword.WITH))
        {
            withTies = AcceptWord("TIES") ? true : throw Error("TIES");
        }
        else if (!AcceptWord("ONLY"))
        {
            throw Error("ONLY or WITH TIES");
        }

        return new LimitClause(count, offset) { Standard = true, Fetch = true, WithTies = withTies };
    }

    private bool AtRowsExamined => At(Keyword.ROWS) && Peek().Kind == TokenKind.Word && IsWord(Peek(), "EXAMINED");

    private Expr ParseRowsExamined()
    {
        _index += 2;
        return ParseExpression();
    }

    private void ExpectRowOrRows()
    {
        if (!Accept(Keyword.ROW) && !Accept(Keyword.ROWS))
        {
            throw Error("ROW or ROWS");
        }
    }

    private bool IsWord(Token token, string word) =>
        token.Kind == TokenKind.Word && token.Span(_source).Equals(word, StringComparison.OrdinalIgnoreCase);

    /// <summary>Accepts a word the lexer does not know as a keyword (FIRST, ONLY, AGAINST …).</summary>
    private bool AcceptWord(string word)
    {
        if (!IsWord(Current, word))
        {
            return false;
        }

        _index++;
        return true;
    }
}
