using System.Globalization;
using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql.Polarity;

/// <summary>Finds what keeps a SELECT's output from being its filtered rows: an aggregate (also a hidden one) or a
/// window function, or rows picked arbitrarily from a group. Below such a SELECT a mutated WHERE or ON changes
/// values, not which rows appear, so no containment between the two results is expected.</summary>
internal static partial class Aggregation
{
    private static readonly HashSet<string> Aggregates = new(StringComparer.OrdinalIgnoreCase)
    {
        "COUNT", "SUM", "AVG", "MIN", "MAX", "GROUP_CONCAT", "JSON_ARRAYAGG", "JSON_OBJECTAGG", "BIT_AND", "BIT_OR",
        "BIT_XOR", "STD", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP", "ANY_VALUE",
    };

    /// <summary>Why the SELECT's output is not made of its rows, or null: a window function (which also sees the rows
    /// HAVING keeps); an aggregate in the select list, HAVING or ORDER BY, or in a subquery there that reads only
    /// this SELECT's columns; or a selected expression that is neither grouped nor aggregated beside GROUP BY or an
    /// aggregate. Its value is any row's of the group, so HAVING and DISTINCT, which read it, keep no relation either
    /// (<c>AnyRow</c>): with more rows, or another plan, the group may show another row's value.</summary>
    public static (string Reason, bool CoversHaving, bool AnyRow)? Of(SelectQuery select)
    {
        // One pass over what the SELECT computes its output from: the select list and HAVING, then ORDER BY (where a
        // window function only orders). Most SELECTs have none of these calls and no subquery, and cost no allocation.
        var found = new Found();
        foreach (var item in select.Items)
        {
            Visit(item.Value, found);
        }

        Visit(select.Having, found);
        if (found.Window is { } window)
        {
            return ($"computes a window function ({window.Name.ToUpperInvariant()})", true, false);
        }

        var aggregate = found.Aggregate;
        foreach (var item in select.OrderBy ?? [])
        {
            Visit(item.Value, found);
        }

        var why = (aggregate ?? found.Aggregate) is { } call
            ? $"aggregates ({call.Name.ToUpperInvariant()}{(aggregate is null ? " in ORDER BY" : string.Empty)})"
            : found.Subqueries is { } subqueries && OuterAggregate(select, subqueries) is { } outer
                ? $"aggregates ({outer.Name.ToUpperInvariant()} in a subquery, over this SELECT's columns)"
                : null;
        if (why is null && select.GroupBy is not { Count: > 0 })
        {
            return null;
        }

        // Beside GROUP BY or an aggregate (one group of all rows), a column outside every aggregate is any row's value.
        return Ungrouped(select, select.GroupBy ?? []) is { } column
            ? ($"{(why is null ? "groups rows" : why)} but selects {column} neither grouped nor aggregated (any row's value)", true, true)
            : why is null ? null : (why, false, false);
    }

    /// <summary>Why a LIMIT, OFFSET or FETCH cuts the rows, or null when there is none or it cannot: no offset and
    /// upstream's LIMIT 2147483647 (or FETCH FIRST 2147483647 ROWS), or OFFSET 0 ROWS alone. ROWS EXAMINED always cuts.</summary>
    public static string? OfLimit(LimitClause? limit)
    {
        if (limit is null)
            return null;
        if (limit.RowsExamined is not null)
            return "ROWS EXAMINED stops after reading that many rows: which rows were read depends on the rows below it";
        var keyword = !limit.Standard ? "LIMIT" : limit.Fetch ? "FETCH" : "OFFSET";
        var unbounded = limit.Offset is null or Literal { Text: "0" }
            && (keyword == "OFFSET" || limit.Count is Literal { Kind: LiteralKind.Number } count
                && decimal.TryParse(count.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rows)
                && rows >= int.MaxValue);
        return unbounded ? null
            : keyword == "OFFSET" ? "OFFSET skips the first rows: more rows below it can shift which are skipped"
            : $"{keyword} keeps only the first rows: more rows below it can push others out";
    }

    /// <summary>What one pass over expressions found: the first window call, the first aggregate call (not looking
    /// inside either), and the subqueries (SELECTs of their own, not looked into).</summary>
    private sealed class Found
    {
        public CallExpr? Window { get; set; }

        public CallExpr? Aggregate { get; set; }

        public List<Query>? Subqueries { get; set; }
    }

    private static void Visit(Expr? expr, Found found)
    {
        switch (expr)
        {
            case null:
                return;
            case CallExpr call when !call.Over.IsEmpty:
                found.Window ??= call;
                return;
            case CallExpr call when Aggregates.Contains(call.Name):
                found.Aggregate ??= call;
                return;
            case SubqueryExpr or ExistsExpr:
                (found.Subqueries ??= []).Add(expr is SubqueryExpr subquery ? subquery.Query : ((ExistsExpr)expr).Query);
                return;
            case InQueryExpr inQuery:
                (found.Subqueries ??= []).Add(inQuery.Query);
                break;
            case QuantifiedExpr quantified:
                (found.Subqueries ??= []).Add(quantified.Query);
                break;
            case BinaryExpr binary:
                Visit(binary.Left, found);
                Visit(binary.Right, found);
                return;
            case ParenExpr paren:
                Visit(paren.Inner, found);
                return;
            case UnaryExpr unary:
                Visit(unary.Operand, found);
                return;
            case CallExpr call:
                foreach (var arg in call.Args)
                {
                    Visit(arg.Value, found);
                }

                return;
            case Literal or NameExpr or RawExpr:
                return;
        }

        foreach (var child in Children(expr))
        {
            Visit(child, found);
        }
    }

    /// <summary>Every aggregate call of an expression (not inside another, nor in a subquery).</summary>
    private static void AggregateCalls(Expr? expr, List<CallExpr> into)
    {
        if (expr is CallExpr call && (!call.Over.IsEmpty || Aggregates.Contains(call.Name)))
        {
            if (call.Over.IsEmpty)
            {
                into.Add(call);
            }

            return;
        }

        if (expr is not null)
        {
            foreach (var child in Children(expr))
            {
                AggregateCalls(child, into);
            }
        }
    }

    private static IEnumerable<Expr?> Children(Expr expr) => expr switch
    {
        CallExpr call => call.Args.Select(a => a.Value),
        ParenExpr paren => [paren.Inner],
        UnaryExpr unary => [unary.Operand],
        BinaryExpr binary => [binary.Left, binary.Right],
        QuantifiedExpr quantified => [quantified.Left],
        IsExpr test => [test.Operand],
        BetweenExpr between => [between.Operand, between.Low, between.High],
        InListExpr inList => inList.Items.Prepend(inList.Operand),
        InQueryExpr inQuery => [inQuery.Operand],
        MatchExpr match => [match.Operand, match.Pattern],
        RowExpr row => row.Items,
        CaseExpr @case => @case.Whens.SelectMany(w => new[] { w.When, w.Then }).Prepend(@case.Operand).Append(@case.Else),
        CastExpr cast => [cast.Operand],
        IntervalExpr interval => [interval.Amount],
        CollateExpr collate => [collate.Operand],
        _ => [],
    };

    private static Expr Bare(Expr expr) => Precedence.Unwrap(expr);
}
