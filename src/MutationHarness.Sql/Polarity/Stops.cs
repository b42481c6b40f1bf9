using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql.Polarity;

/// <summary>A stop of the polarity walk: where below it no site is mined, in the words a non-conforming verdict
/// names it with. <see cref="NoExpectedRelation"/> marks the stops below which rows reach the output only through
/// an aggregate, a window function or a LIMIT.</summary>
internal sealed record Stop(string Where, bool NoExpectedRelation = false)
{
    public override string ToString() => Where;
}

/// <summary>The stops of SEMANTICS §3.</summary>
internal static class Stops
{
    public static readonly Stop SelectList = new("in the select list");
    public static readonly Stop OrderBy = new("in ORDER BY");
    public static readonly Stop GroupBy = new("in GROUP BY");
    public static readonly Stop OuterJoin = new("under an outer join");
    public static readonly Stop ComparisonOperand = new("in an operand of a comparison");
    public static readonly Stop RecursiveWith = new("in a recursive WITH");
    public static readonly Stop UnaryOperand = new("in an operand of a unary operator");
    public static readonly Stop InOperand = new("in an operand of IN");
    public static readonly Stop BetweenOperand = new("in an operand of BETWEEN");
    public static readonly Stop NullSafeQuantified = new("in an operand of <=> ANY/ALL");
    public static readonly Stop ScalarSubquery = new("in a scalar subquery");
    public static readonly Stop RowConstructor = new("in a row constructor");
    public static readonly Stop CaseExpression = new("in a CASE expression");
    public static readonly Stop LikeOperand = new("in an operand of LIKE");
    public static readonly Stop RegExpOperand = new("in an operand of REGEXP");
    public static readonly Stop IntervalOperand = new("in an operand of INTERVAL");
    public static readonly Stop CollateOperand = new("in an operand of COLLATE");
    public static readonly Stop CastArgument = new("in an argument of CAST()");
    public static readonly Stop ConvertArgument = new("in an argument of CONVERT()");
    public static readonly Stop ValuesRow = new("in a row of VALUES");
    public static readonly Stop FullTextMatch = new("in an operand of MATCH … AGAINST");
    public static readonly Stop JsonTableArgument = new("in an argument of JSON_TABLE()");

    // Built once: the walk passes these on every operand, and should not build one each time.
    private static readonly Stop[] BinaryOperands = Enum.GetValues<BinaryOp>().Select(op => new Stop($"in an operand of {Precedence.Text(op)}")).ToArray();

    private static readonly Stop[] IsOperands =
        [new("in an operand of IS NULL"), new("in an operand of IS NOT NULL"), new("in an operand of IS UNKNOWN"), new("in an operand of IS NOT UNKNOWN")];

    public static Stop OperandOf(BinaryOp op) => BinaryOperands[(int)op];

    public static Stop OperandOf(IsExpr test) => IsOperands[(test.What == IsWhat.Null ? 0 : 2) + (test.Not ? 1 : 0)];

    public static Stop ArgumentOf(string function) => new($"in an argument of {function.ToUpperInvariant()}()");

    /// <summary>Below an aggregate, a window function or a LIMIT: the rows reach the output only through it.</summary>
    public static Stop NoRelation(string why) => new($"where no containment is expected ({why})", NoExpectedRelation: true);

    public static Stop CteNeverReferenced(string name) => new($"in CTE `{name}`, which is never referenced");

    public static Stop CteAtBothPolarities(string name) => new($"in CTE `{name}`, which is referenced at both polarities");

    public static Stop CteBelowStop(string name, Stop stop) => new($"in CTE `{name}`, which is referenced {stop.Where}", stop.NoExpectedRelation);
}
