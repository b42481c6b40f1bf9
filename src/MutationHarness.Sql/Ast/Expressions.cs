namespace MutationHarness.Sql.Ast;

internal abstract class Expr(int start, int end) : Node(start, end);

internal enum LiteralKind { String, Number, Hex, Bit, Null, True, False, Typed }

internal sealed class Literal(int start, int end, LiteralKind kind, string text, string? prefix = null) : Expr(start, end)
{
    public LiteralKind Kind { get; } = kind;

    /// <summary>The literal as written (for strings, every adjacent piece joined by a space).</summary>
    public string Text { get; } = text;

    /// <summary>A charset introducer or a type word (DATE, TIME, TIMESTAMP) before a string.</summary>
    public string? Prefix { get; } = prefix;

    public List<(int Start, int End)> Pieces { get; } = [];
}

internal sealed class NameExpr(int start, int end, List<string> parts, bool star) : Expr(start, end)
{
    public List<string> Parts { get; } = parts;

    public bool Star { get; } = star;
}

internal sealed class RawExpr(int start, int end, TokenRange tokens) : Expr(start, end)
{
    public TokenRange Tokens { get; } = tokens;
}

internal enum UnaryOp { Minus, Plus, BitNot, Bang, Not, Binary }

internal sealed class UnaryExpr(int start, int end, UnaryOp op, Expr operand) : Expr(start, end)
{
    public UnaryOp Op { get; } = op;

    public Expr Operand { get; } = operand;
}

internal enum BinaryOp
{
    Or, Xor, And, Eq, NullSafeEq, Ne, Lt, Le, Gt, Ge, BitOr, BitAnd, Shl, Shr, Add, Sub, Mul, Div, IntDiv, Mod,
    BitXor, SoundsLike, MemberOf, JsonExtract, JsonUnquote, Assign,
}

internal sealed class BinaryExpr(Expr left, BinaryOp op, Expr right, int opStart, int opEnd)
    : Expr(left.Start, right.End)
{
    public Expr Left { get; } = left;

    public BinaryOp Op { get; } = op;

    public Expr Right { get; } = right;

    public int OpStart { get; } = opStart;

    public int OpEnd { get; } = opEnd;
}

internal enum Quantifier { Any, Some, All }

internal sealed class QuantifiedExpr(Expr left, BinaryOp op, Quantifier quantifier, Query query, int opStart, int opEnd, int end)
    : Expr(left.Start, end)
{
    public Expr Left { get; } = left;

    public BinaryOp Op { get; } = op;

    public Quantifier Quantifier { get; } = quantifier;

    public Query Query { get; } = query;

    public int OpStart { get; } = opStart;

    public int OpEnd { get; } = opEnd;
}

internal enum IsWhat { True, False, Unknown, Null }

internal sealed class IsExpr(Expr operand, bool not, IsWhat what, int end) : Expr(operand.Start, end)
{
    public Expr Operand { get; } = operand;

    public bool Not { get; } = not;

    public IsWhat What { get; } = what;
}

internal sealed class BetweenExpr(Expr operand, bool not, Expr low, Expr high) : Expr(operand.Start, high.End)
{
    public Expr Operand { get; } = operand;

    public bool Not { get; } = not;

    public Expr Low { get; } = low;

    public Expr High { get; } = high;
}

internal sealed class InListExpr(Expr operand, bool not, List<Expr> items, int closeParen) : Expr(operand.Start, closeParen + 1)
{
    public Expr Operand { get; } = operand;

    public bool Not { get; } = not;

    public List<Expr> Items { get; } = items;

    public int CloseParen { get; } = closeParen;
}

internal sealed class InQueryExpr(Expr operand, bool not, Query query, int end) : Expr(operand.Start, end)
{
    public Expr Operand { get; } = operand;

    public bool Not { get; } = not;

    public Query Query { get; } = query;
}

/// <summary>LIKE or REGEXP/RLIKE: the two pattern-matching predicates.</summary>
internal sealed class MatchExpr(Expr operand, bool not, bool isRegexp, Expr pattern, Expr? escape, int end)
    : Expr(operand.Start, end)
{
    public Expr Operand { get; } = operand;

    public bool Not { get; } = not;

    public bool IsRegexp { get; } = isRegexp;

    public Expr Pattern { get; } = pattern;

    public Expr? Escape { get; } = escape;
}
