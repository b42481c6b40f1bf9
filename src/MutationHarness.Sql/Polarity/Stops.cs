using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql.Polarity;

/// <summary>The stops of the polarity walk (SEMANTICS §3), in the words a non-conforming verdict names them with.</summary>
internal static class Stops
{
    public const string SelectList = "in the select list";
    public const string OrderBy = "in ORDER BY";
    public const string GroupBy = "in GROUP BY";
    public const string OuterJoin = "under an outer join";
    public const string ComparisonOperand = "in an operand of a comparison";
    public const string RecursiveWith = "in a recursive WITH";

    /// <summary>Below an aggregate, a window function or a LIMIT: the rows reach the output only through it.</summary>
    public static string NoRelation(string why) => "where no containment is expected (" + why + ")";

    public const string UnaryOperand = "in an operand of a unary operator";
    public const string InOperand = "in an operand of IN";
    public const string BetweenOperand = "in an operand of BETWEEN";
    public const string NullSafeQuantified = "in an operand of <=> ANY/ALL";
    public const string ScalarSubquery = "in a scalar subquery";
    public const string RowConstructor = "in a row constructor";
    public const string CaseExpression = "in a CASE expression";
    public const string LikeOperand = "in an operand of LIKE";
    public const string RegExpOperand = "in an operand of REGEXP";
    public const string IntervalOperand = "in an operand of INTERVAL";
    public const string CollateOperand = "in an operand of COLLATE";

    // Built once: the walk passes these on every operand, and should not format a string each time.
    private static readonly string[] BinaryOperands = Enum.GetValues<BinaryOp>().Select(op => OperandOf(Precedence.Text(op))).ToArray();

    public static string OperandOf(BinaryOp op) => BinaryOperands[(int)op];

    private static string OperandOf(string what) => $"in an operand of {what}";

    public static string OperandOf(IsExpr test) => (test.What, test.Not) switch
    {
        (IsWhat.Null, false) => "in an operand of IS NULL",
        (IsWhat.Null, true) => "in an operand of IS NOT NULL",
        (IsWhat.Unknown, false) => "in an operand of IS UNKNOWN",
        _ => "in an operand of IS NOT UNKNOWN",
    };

    public static string ArgumentOf(string function) => $"in an argument of {function.ToUpperInvariant()}()";

    public static string CteNeverReferenced(string name) => $"in CTE `{name}`, which is never referenced";

    public static string CteAtBothPolarities(string name) => $"in CTE `{name}`, which is referenced at both polarities";

    public static string CteBelowStop(string name, string stop) => $"in CTE `{name}`, which is referenced {stop}";
}
