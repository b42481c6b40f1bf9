using MutationHarness.Sql.Ast;

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

    /// <summary>"aggregates (COUNT)" or "computes a window function (ROW_NUMBER)" for the first such call in the
    /// select list (subqueries are their own SELECTs), or null.</summary>
    public static string? Of(SelectQuery select)
    {
        foreach (var item in select.Items)
        {
            if (FirstCall(item.Value) is { } call)
                return call.Over.IsEmpty ? $"aggregates ({call.Name.ToUpperInvariant()})" : $"computes a window function ({call.Name.ToUpperInvariant()})";
        }

        return null;
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

    /// <summary>True for a window function: it also sees the rows HAVING keeps, so HAVING sites lose their relation too.</summary>
    public static bool IsWindow(string reason) => reason.StartsWith("computes a window", StringComparison.Ordinal);

    private static CallExpr? FirstCall(Expr? expr) => expr switch
    {
        null => null,
        CallExpr call when !call.Over.IsEmpty || Aggregates.Contains(call.Name) => call,
        CallExpr call => call.Args.Select(a => FirstCall(a.Value)).FirstOrDefault(c => c is not null),
        ParenExpr paren => FirstCall(paren.Inner),
        UnaryExpr unary => FirstCall(unary.Operand),
        BinaryExpr binary => FirstCall(binary.Left) ?? FirstCall(binary.Right),
        QuantifiedExpr quantified => FirstCall(quantified.Left),
        IsExpr test => FirstCall(test.Operand),
        BetweenExpr between => FirstCall(between.Operand) ?? FirstCall(between.Low) ?? FirstCall(between.High),
        InListExpr inList => FirstCall(inList.Operand) ?? inList.Items.Select(FirstCall).FirstOrDefault(c => c is not null),
        InQueryExpr inQuery => FirstCall(inQuery.Operand),
        MatchExpr match => FirstCall(match.Operand) ?? FirstCall(match.Pattern),
        RowExpr row => row.Items.Select(FirstCall).FirstOrDefault(c => c is not null),
        CaseExpr @case => FirstCall(@case.Operand) ?? @case.Whens.Select(w => FirstCall(w.When) ?? FirstCall(w.Then)).FirstOrDefault(c => c is not null)
            ?? FirstCall(@case.Else),
        CastExpr cast => FirstCall(cast.Operand),
        IntervalExpr interval => FirstCall(interval.Amount),
        CollateExpr collate => FirstCall(collate.Operand),
        _ => null,
    };
}
