using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql.Printing;

/// <summary>Binding strength of expressions, as the parser builds them (higher binds tighter).</summary>
internal static class Precedence
{
    public const int Assign = 1;
    public const int Or = 2;
    public const int Xor = 3;
    public const int And = 4;
    public const int Not = 5;
    /// <summary>Comparisons and IS tests (MySQL's bool_pri): their operands may be predicates unparenthesised.</summary>
    public const int Comparison = 6;
    /// <summary>IN, BETWEEN, LIKE, REGEXP, SOUNDS LIKE, MEMBER OF: they bind tighter than a comparison.</summary>
    public const int Predicate = 7;
    public const int Unary = 14;
    public const int Bang = 15;
    public const int Collate = 16;
    public const int Primary = 17;

    public static Expr Unwrap(Expr expr)
    {
        while (expr is ParenExpr paren)
        {
            expr = paren.Inner;
        }

        return expr;
    }

    public static int Of(Expr expr) => Unwrap(expr) switch
    {
        BinaryExpr binary => Of(binary.Op),
        QuantifiedExpr or IsExpr => Comparison,
        BetweenExpr or InListExpr or InQueryExpr or MatchExpr => Predicate,
        UnaryExpr { Op: UnaryOp.Not } => Not,
        UnaryExpr { Op: UnaryOp.Bang } => Bang,
        UnaryExpr { Op: UnaryOp.Binary } => Collate,
        UnaryExpr => Unary,
        CollateExpr => Collate,
        _ => Primary,
    };

    public static int Of(BinaryOp op) => op switch
    {
        BinaryOp.Assign => Assign,
        BinaryOp.Or => Or,
        BinaryOp.Xor => Xor,
        BinaryOp.And => And,
        BinaryOp.Eq or BinaryOp.NullSafeEq or BinaryOp.Ne or BinaryOp.Lt or BinaryOp.Le or BinaryOp.Gt
            or BinaryOp.Ge => Comparison,
        BinaryOp.SoundsLike or BinaryOp.MemberOf => Predicate,
        BinaryOp.BitOr => 8,
        BinaryOp.BitAnd => 9,
        BinaryOp.Shl or BinaryOp.Shr => 10,
        BinaryOp.Add or BinaryOp.Sub => 11,
        BinaryOp.Mul or BinaryOp.Div or BinaryOp.IntDiv or BinaryOp.Mod => 12,
        BinaryOp.BitXor => 13,
        _ => Primary,
    };

    public static string Text(BinaryOp op) => op switch
    {
        BinaryOp.Assign => ":=",
        BinaryOp.Or => "OR",
        BinaryOp.Xor => "XOR",
        BinaryOp.And => "AND",
        BinaryOp.Eq => "=",
        BinaryOp.NullSafeEq => "<=>",
        BinaryOp.Ne => "<>",
        BinaryOp.Lt => "<",
        BinaryOp.Le => "<=",
        BinaryOp.Gt => ">",
        BinaryOp.Ge => ">=",
        BinaryOp.SoundsLike => "SOUNDS LIKE",
        BinaryOp.MemberOf => "MEMBER OF",
        BinaryOp.BitOr => "|",
        BinaryOp.BitAnd => "&",
        BinaryOp.Shl => "<<",
        BinaryOp.Shr => ">>",
        BinaryOp.Add => "+",
        BinaryOp.Sub => "-",
        BinaryOp.Mul => "*",
        BinaryOp.Div => "/",
        BinaryOp.IntDiv => "DIV",
        BinaryOp.Mod => "%",
        BinaryOp.BitXor => "^",
        BinaryOp.JsonExtract => "->",
        BinaryOp.JsonUnquote => "->>",
        _ => "?",
    };

    public static bool IsComparison(BinaryOp op) =>
        op is BinaryOp.Eq or BinaryOp.Ne or BinaryOp.Lt or BinaryOp.Le or BinaryOp.Gt or BinaryOp.Ge;
}
