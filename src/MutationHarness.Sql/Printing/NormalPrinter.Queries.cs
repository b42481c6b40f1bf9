using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql.Printing;

/// <summary>Queries: SELECT, set operations, WITH, and the parentheses around them.</summary>
internal sealed partial class NormalPrinter
{
    private static bool HasTail(Query query) => query.OrderBy is not null || query.Limit is not null || !query.Trailer.IsEmpty;

    /// <summary>A query that stands alone (top level, or already inside its own parentheses) needs no extra ones.</summary>
    private void PrintStandalone(Query query)
    {
        while (query is ParenQuery paren && !HasTail(paren))
        {
            query = paren.Inner;
        }

        PrintQuery(query);
    }

    private void PrintQuery(Query query)
    {
        var start = Begin();
        switch (query)
        {
            case SelectQuery select:
                PrintSelect(select);
                break;
            case SetOpQuery setOp:
                PrintSetOp(setOp);
                break;
            case ParenQuery paren:
                _output.Append('(');
                PrintStandalone(paren.Inner);
                _output.Append(')');
                break;
            case WithQuery with:
                PrintWith(with);
                break;
            case ValuesQuery values:
                PrintValues(values);
                break;
        }

        PrintTail(query);
        Finish(query, start);
    }

    private void PrintSetOp(SetOpQuery setOp)
    {
        PrintSetOperand(setOp.Left);
        _output.Append(setOp.Kind switch { SetOpKind.Union => " UNION ", SetOpKind.Intersect => " INTERSECT ", _ => " EXCEPT " });
        if (setOp.Quantifier == SetQuantifier.All)
        {
            _output.Append("ALL ");
        }

        PrintSetOperand(setOp.Right);
    }

    private void PrintSetOperand(Query operand)
    {
        var inner = operand;
        while (inner is ParenQuery paren && !HasTail(paren))
        {
            inner = paren.Inner;
        }

        if (inner is SelectQuery select && !HasTail(select))
        {
            PrintQuery(select);
        }
        else
        {
            PrintQuery(operand);
        }
    }

    private void PrintWith(WithQuery with)
    {
        _output.Append(with.Recursive ? "WITH RECURSIVE " : "WITH ");
        for (var i = 0; i < with.Ctes.Count; i++)
        {
            var cte = with.Ctes[i];
            if (i > 0)
            {
                _output.Append(", ");
            }

            Name(cte.Name);
            if (cte.Columns is not null)
            {
                _output.Append(" (");
                Names(cte.Columns);
                _output.Append(')');
            }

            _output.Append(" AS (");
            PrintStandalone(cte.Body);
            _output.Append(')');
        }

        _output.Append(' ');
        PrintStandalone(with.Body);
    }

    private void PrintTail(Query query)
    {
        if (query.OrderBy is { } order)
        {
            _output.Append(" ORDER BY ");
            PrintOrderItems(order);
        }

        if (query.Limit is { } limit)
        {
            PrintLimit(limit);
        }

        if (!query.Trailer.IsEmpty)
        {
            _output.Append(' ');
            Raw(query.Trailer);
        }
    }

    private void PrintOrderItems(List<OrderItem> items)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                _output.Append(", ");
            }

            PrintExpr(items[i].Value);
            if (items[i].Descending == true)
            {
                _output.Append(" DESC");
            }
        }
    }
}
