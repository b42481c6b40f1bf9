using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql.Printing;

/// <summary>Forms of their own: VALUES, JSON_TABLE, MATCH … AGAINST, and the ways a query's rows are cut.</summary>
internal sealed partial class NormalPrinter
{
    private void PrintValues(ValuesQuery values)
    {
        output.Append("VALUES ");
        for (var i = 0; i < values.Rows.Count; i++)
        {
            if (i > 0)
            {
                output.Append(", ");
            }

            var row = values.Rows[i];
            var start = Begin();
            output.Append(row.ExplicitRow ? "ROW(" : "(");
            PrintList(row.Items);
            output.Append(')');
            Finish(row, start);
        }
    }

    private void PrintJsonTable(JsonTable table)
    {
        output.Append("JSON_TABLE(");
        PrintExpr(table.Document);
        output.Append(", ");
        PrintExpr(table.Path);
        output.Append(' ');
        Raw(table.Columns);
        output.Append(')');
        PrintAlias(table.Alias);
    }

    private void PrintFullTextMatch(FullTextMatch match)
    {
        output.Append("MATCH (");
        PrintList(match.Columns);
        output.Append(") AGAINST (");
        PrintExpr(match.Search);
        if (match.Modifier is { } modifier)
        {
            output.Append(' ').Append(modifier);
        }

        output.Append(')');
    }

    /// <summary>LIMIT count [OFFSET offset] [ROWS EXAMINED n], or OFFSET offset ROWS FETCH FIRST [count] ROWS ONLY|WITH TIES.</summary>
    private void PrintLimit(LimitClause limit)
    {
        if (!limit.Standard)
        {
            output.Append(" LIMIT");
            if (limit.Count is { } count)
            {
                output.Append(' ');
                PrintExpr(count);
            }

            if (limit.Offset is { } offset)
            {
                output.Append(" OFFSET ");
                PrintExpr(offset);
            }

            if (limit.RowsExamined is { } examined)
            {
                output.Append(" ROWS EXAMINED ");
                PrintExpr(examined);
            }

            return;
        }

        if (limit.Offset is { } start)
        {
            output.Append(" OFFSET ");
            PrintExpr(start);
            output.Append(" ROWS");
        }

        if (limit.Fetch)
        {
            output.Append(" FETCH FIRST ");
            if (limit.Count is { } rows)
            {
                PrintExpr(rows);
                output.Append(' ');
            }

            output.Append(limit.WithTies ? "ROWS WITH TIES" : "ROWS ONLY");
        }
    }
}
