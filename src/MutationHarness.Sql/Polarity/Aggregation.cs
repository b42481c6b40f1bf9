using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql.Polarity;

/// <summary>Finds what keeps a SELECT's output from being its filtered rows: an aggregate or a window function
/// in its select list. Below such a SELECT a mutated WHERE or ON changes values, not which rows appear, so no
/// containment between the two results is expected.</summary>
internal static class Aggregation
{
    private static readonly HashSet<string> Aggregates = new(StringComparer.OrdinalIgnoreCase)
    {
        "COUNT", "SUM", "AVG", "MIN", "MAX", "GROUP_CONCAT", "JSON_ARRAYAGG", "JSON_OBJECTAGG", "BIT_AND", "BIT_OR",
        "BIT_XOR", "STD", "STDDEV", "STDDEV_POP", "STDDEV_SAMP", "VARIANCE", "VAR_POP", "VAR_SAMP", "ANY_VALUE",
    };

    /// <summary>Why the SELECT's output is not made of its rows, or null: a window function (which also sees the rows
    /// HAVING keeps), an aggregate in the select list or HAVING, or GROUP BY beside a column that is neither
    /// grouped nor aggregated (its value is any row's of the group, so it too may change with HAVING).</summary>
    public static (string Reason, bool CoversHaving)? Of(SelectQuery select)
    {
        CallExpr? aggregate = null;
        foreach (var call in select.Items.SelectMany(i => Calls(i.Value)).Concat(Calls(select.Having)))
        {
            if (!call.Over.IsEmpty)
                return ($"computes a window function ({call.Name.ToUpperInvariant()})", true);
            aggregate ??= call;
        }

        if (aggregate is not null)
            return ($"aggregates ({aggregate.Name.ToUpperInvariant()})", false);
        return select.GroupBy is { Count: > 0 } groupBy && Ungrouped(select.Items, groupBy) is { } column
            ? ($"groups rows but selects {column}, neither grouped nor aggregated (any row's value)", true)
            : null;
    }

    /// <summary>Why a LIMIT cuts the rows, or null when there is none or it cannot (upstream's LIMIT 2147483647, no offset).</summary>
    public static string? OfLimit(LimitClause? limit)
    {
        if (limit is null)
            return null;
        var unbounded = limit.Offset is null or Literal { Text: "0" }
            && limit.Count is Literal { Kind: LiteralKind.Number } count
            && decimal.TryParse(count.Text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var rows)
            && rows >= int.MaxValue;
        return unbounded ? null : "LIMIT keeps only the first rows: more rows below it can push others out";
    }

    // A bare column, or *, that no GROUP BY item names (by column, alias or position); expressions are not judged.
    private static string? Ungrouped(List<SelectItem> items, List<Expr> groupBy)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (Precedence.Unwrap(items[i].Value) is not NameExpr name)
                continue;
            if (name.Star)
                return "*";
            var column = name.Parts[^1];
            var position = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var grouped = groupBy.Select(Precedence.Unwrap).Any(g => g switch
            {
                NameExpr group => string.Equals(group.Parts[^1], column, StringComparison.OrdinalIgnoreCase)
                    || (items[i].Alias is { } alias && group.Parts.Count == 1 && string.Equals(group.Parts[0], alias, StringComparison.OrdinalIgnoreCase)),
                Literal { Kind: LiteralKind.Number } number => number.Text == position,
                _ => false,
            });
            if (!grouped)
                return "`" + column + "`";
        }

        return null;
    }

    // Every aggregate or window call of an expression, not looking into subqueries (they are SELECTs of their own).
    private static IEnumerable<CallExpr> Calls(Expr? expr)
    {
        if (expr is null)
            yield break;
        if (expr is CallExpr call && (!call.Over.IsEmpty || Aggregates.Contains(call.Name)))
        {
            yield return call;
            yield break;
        }

        foreach (var child in Children(expr))
        {
            foreach (var found in Calls(child))
                yield return found;
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
}
