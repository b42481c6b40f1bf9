namespace MutationHarness.Sql.Ast;

internal sealed class ExistsExpr(int start, int end, Query query) : Expr(start, end)
{
    public Query Query { get; } = query;
}

internal sealed class SubqueryExpr(int start, int end, Query query) : Expr(start, end)
{
    public Query Query { get; } = query;
}

internal sealed class RowExpr(int start, int end, List<Expr> items, bool explicitRow) : Expr(start, end)
{
    public List<Expr> Items { get; } = items;

    public bool ExplicitRow { get; } = explicitRow;
}

internal sealed class ParenExpr(int start, int end, Expr inner) : Expr(start, end)
{
    public Expr Inner { get; } = inner;
}

internal sealed class CaseExpr(int start, int end, Expr? operand, List<(Expr When, Expr Then)> whens, Expr? elseValue)
    : Expr(start, end)
{
    public Expr? Operand { get; } = operand;

    public List<(Expr When, Expr Then)> Whens { get; } = whens;

    public Expr? Else { get; } = elseValue;
}

internal enum CastStyle { Cast, Convert, ConvertUsing }

internal sealed class CastExpr(int start, int end, CastStyle style, Expr operand, TokenRange type) : Expr(start, end)
{
    public CastStyle Style { get; } = style;

    public Expr Operand { get; } = operand;

    public TokenRange Type { get; } = type;
}

internal sealed class IntervalExpr(int start, int end, Expr amount, string unit) : Expr(start, end)
{
    public Expr Amount { get; } = amount;

    public string Unit { get; } = unit;
}

internal sealed class CollateExpr(Expr operand, string collation, int end) : Expr(operand.Start, end)
{
    public Expr Operand { get; } = operand;

    public string Collation { get; } = collation;
}

/// <summary>One argument of a call; <see cref="Prefix"/> holds keywords such as FROM, FOR, SEPARATOR or DISTINCT.</summary>
internal sealed record CallArg(string? Prefix, Expr? Value);

internal sealed class CallExpr(int start, int end, string name, List<CallArg> args, TokenRange over) : Expr(start, end)
{
    public string Name { get; } = name;

    public List<CallArg> Args { get; } = args;

    /// <summary>The tokens after OVER (a window name or a parenthesised spec); empty when there is no OVER.</summary>
    public TokenRange Over { get; } = over;
}

/// <summary>MATCH (columns) AGAINST (search [modifier]): a full-text relevance, used as a condition when non-zero.</summary>
internal sealed class FullTextMatch(int start, int end, List<Expr> columns, Expr search, string? modifier) : Expr(start, end)
{
    public List<Expr> Columns { get; } = columns;

    public Expr Search { get; } = search;

    /// <summary>IN NATURAL LANGUAGE MODE, IN BOOLEAN MODE, WITH QUERY EXPANSION … in upper case, or null.</summary>
    public string? Modifier { get; } = modifier;
}
