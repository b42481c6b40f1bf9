using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql.Parsing;

/// <summary>Reads the value of a string literal, joining adjacent pieces as MySQL does.</summary>
internal static class LiteralValues
{
    public static string Of(string source, Literal literal)
    {
        if (literal.Pieces.Count <= 1)
        {
            var (start, end) = literal.Pieces.Count == 1 ? literal.Pieces[0] : (literal.End - literal.Text.Length, literal.End);
            return SqlStrings.Decode(source.AsSpan(start, end - start));
        }

        return string.Concat(literal.Pieces.Select(p => SqlStrings.Decode(source.AsSpan(p.Start, p.End - p.Start))));
    }

    /// <summary>True when the expression is a plain string literal (optionally with a charset introducer).</summary>
    public static bool IsString(Expr expr) =>
        expr is Literal { Kind: LiteralKind.String } || (expr is ParenExpr paren && IsString(paren.Inner));

    public static Literal? AsString(Expr expr) => expr switch
    {
        Literal { Kind: LiteralKind.String } literal => literal,
        ParenExpr paren => AsString(paren.Inner),
        _ => null,
    };
}
