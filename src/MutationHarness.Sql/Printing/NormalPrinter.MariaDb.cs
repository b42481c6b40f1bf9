using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql.Printing;

/// <summary>Forms of their own: VALUES, JSON_TABLE, MATCH … AGAINST, and the ways a query's rows are cut.</summary>
internal sealed partial class NormalPrinter
{
    private void PrintValues(ValuesQuery values)
    {
        _output.Append("VALUES ");
        for (var i = 0; i < values.Rows.Count; i++)
        {
            if (i > 0)
            {
                _output.Append(", ");
            }

            var row = values.Rows[i];
            var start = Begin();
            _output.Append(row.ExplicitRow ? "ROW(" : "(");
            PrintList(row.Items);
            _output.Append(')');
            Finish(row, start);
        }
    }

    private void PrintJsonTable(JsonTable table)
    {
        _output.Append("JSON_TABLE(");
        PrintExpr(table.Document);
        _output.Append(", ");
        PrintExpr(table.Path);
        _output.Append(' ');
        Raw(table.Columns);
        _output.Append(')');
        PrintAlias(table.Alias);
    }

    private void PrintFullTextMatch(FullTextMatch match)
    {
        _output.Append("MATCH (");
        PrintList(match.Columns);
        _output.Append(") AGAINST (");
        PrintExpr(match.Search);
        if (match.Modifier is { } modifier)
        {
            _output.Append(' ').Append(modifier);
        }

        _output.Append(')');
    }

    /// <summary>LIMIT count [OFFSET offset] [ROWS EXAMINED n], or OFFSET offset ROWS FETCH FIRST [count] ROWS ONLY|WITH TIES.</summary>
    private void PrintLimit(LimitClause limit)
    {
        if (!limit.Standard)
        {
            _output.Append(" LIMIT");
            if (limit.Count is { } count)
            {
                _output.Append(' ');
                PrintExpr(count);
            }

            if (limit.Offset is { } offset)
            {
                _output.Append(" OFFSET ");
                PrintExpr(offset);
            }

            if (limit.RowsExamined is { } examined)
            {
                _output.Append(" ROWS EXAMINED ");
                PrintExpr(examined);
            }

            return;
        }

        if (limit.Offset is { } start)
        {
            _output.Append(" OFFSET ");
            PrintExpr(start);
            _output.Append(" ROWS");
        }

        if (limit.Fetch)
        {
            _output.Append(" FETCH FIRST ");
            if (limit.Count is { } rows)
            {
                PrintExpr(rows);
                _output.Append(' ');
            }

            _output.Append(limit.WithTies ? "ROWS WITH TIES" : "ROWS ONLY");
        }
    }
}
