using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Parsing;

/// <summary>Forms of their own: table value constructors (VALUES), JSON_TABLE, MATCH … AGAINST and INTERVAL(n, …).</summary>
internal sealed partial class Parser
{
    private static readonly string[][] FullTextModifiers =
    [
        ["IN", "NATURAL", "LANGUAGE", "MODE", "WITH", "QUERY", "EXPANSION"],
        ["IN", "NATURAL", "LANGUAGE", "MODE"],
        ["IN", "BOOLEAN", "MODE"],
        ["WITH", "QUERY", "EXPANSION"],
    ];

    /// <summary>VALUES (…), (…) or VALUES ROW(…), ROW(…).</summary>
    private ValuesQuery ParseValues()
    {
        var start = Expect(Keyword.VALUES).Start;
        var rows = new List<RowExpr>();
        do
        {
            var rowStart = Current.Start;
            var explicitRow = Accept(Keyword.ROW);
            Expect(TokenKind.LParen, "'(' starting a row of VALUES");
            Descend();
            var items = ParseExpressionList();
            Ascend();
            rows.Add(new RowExpr(rowStart, Expect(TokenKind.RParen, "')'").End, items, explicitRow));
        }
        while (Accept(TokenKind.Comma));

        return new ValuesQuery(start, PreviousEnd, rows);
    }

    private bool AtJsonTable => Current.Kind == TokenKind.Word && IsWord(Current, "JSON_TABLE") && Peek().Kind == TokenKind.LParen;

    /// <summary>JSON_TABLE(document, path COLUMNS (…)) [AS] alias; the column list is kept verbatim.</summary>
    private JsonTable ParseJsonTable()
    {
        var start = Advance().Start;
        Expect(TokenKind.LParen, "'('");
        Descend();
        var document = ParseExpression();
        Expect(TokenKind.Comma, "',' after the JSON document");
        var path = ParseExpression();
        var first = _index;
        if (!AcceptWord("COLUMNS"))
        {
            throw Error("COLUMNS");
        }

        SkipBalanced();
        var columns = new TokenRange(first, _index - 1);
        Ascend();
        Expect(TokenKind.RParen, "')' closing JSON_TABLE");
        return new JsonTable(start, PreviousEnd, document, path, columns, ParseAlias());
    }

    /// <summary>MATCH (column, …) AGAINST (search [IN NATURAL LANGUAGE MODE | IN BOOLEAN MODE | WITH QUERY EXPANSION …]).</summary>
    private FullTextMatch ParseFullTextMatch()
    {
        var start = Expect(Keyword.MATCH).Start;
        Expect(TokenKind.LParen, "'(' after MATCH");
        Descend();
        var columns = ParseExpressionList();
        Expect(TokenKind.RParen, "')'");
        if (!AcceptWord("AGAINST"))
        {
            throw Error("AGAINST");
        }

        Expect(TokenKind.LParen, "'(' after AGAINST");
        // A bit expression, as in the server's grammar: IN here starts the modifier, not an IN predicate.
        var search = ParseBitOr();
        string? modifier = null;
        foreach (var words in FullTextModifiers)
        {
            if (Enumerable.Range(0, words.Length).All(i => IsWord(Peek(i), words[i])))
            {
                _index += words.Length;
                modifier = string.Join(' ', words);
                break;
            }
        }

        Ascend();
        return new FullTextMatch(start, Expect(TokenKind.RParen, "')' or a search modifier").End, columns, search, modifier);
    }

    /// <summary>INTERVAL(n, a, b, …), the function, told from <c>INTERVAL (expr) unit</c> by its comma list and no
    /// unit after it; null (nothing consumed) when the parentheses open an interval's amount.</summary>
    private CallExpr? ParseIntervalFunction(int start)
    {
        var saved = Mark();
        if (ParseParenthesised() is RowExpr { ExplicitRow: false } row && !AtIntervalUnit)
        {
            var args = new List<CallArg>();
            foreach (var item in row.Items)
            {
                if (args.Count > 0)
                {
                    args.Add(new CallArg(",", null));
                }

                args.Add(new CallArg(null, item));
            }

            return new CallExpr(start, row.End, "INTERVAL", args, TokenRange.Empty);
        }

        Restore(saved);
        return null;
    }
}
