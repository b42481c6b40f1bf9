namespace MutationHarness.Sql.Ast;

internal sealed record OrderItem(Expr Value, bool? Descending);

/// <summary>LIMIT count [OFFSET offset] (<c>LIMIT offset, count</c> is stored the same way), or the standard
/// <c>OFFSET offset ROWS FETCH FIRST count ROWS ONLY|WITH TIES</c>. <see cref="Count"/> is null for an OFFSET with no
/// FETCH, for a FETCH with no count (one row) and for MariaDB's bare <c>LIMIT ROWS EXAMINED n</c>.</summary>
internal sealed record LimitClause(Expr? Count, Expr? Offset)
{
    /// <summary>Written in the standard form (OFFSET … ROWS, FETCH FIRST … ROWS); false for LIMIT.</summary>
    public bool Standard { get; init; }

    /// <summary>The standard form has a FETCH clause (with or without a count).</summary>
    public bool Fetch { get; init; }

    /// <summary>FETCH … WITH TIES: the rows that tie with the last one in ORDER BY are kept too.</summary>
    public bool WithTies { get; init; }

    /// <summary>MariaDB's <c>ROWS EXAMINED n</c>: the query stops (with a warning) after reading n rows.</summary>
    public Expr? RowsExamined { get; init; }
}

/// <summary>A query expression: a SELECT, a set operation, a parenthesised query or WITH … query.</summary>
internal abstract class Query(int start, int end) : Node(start, end)
{
    public List<OrderItem>? OrderBy { get; set; }

    public LimitClause? Limit { get; set; }

    /// <summary>Locking or INTO tokens kept verbatim (the guard rejects them; the printer keeps them).</summary>
    public TokenRange Trailer { get; set; } = TokenRange.Empty;
}

internal sealed record SelectItem(Expr Value, string? Alias);

internal sealed class SelectQuery(int start, int ordinal) : Query(start, start)
{
    public int Ordinal { get; } = ordinal;

    public int KeywordEnd { get; set; }

    /// <summary>The DISTINCT / DISTINCTROW / ALL token, if any, as a source span.</summary>
    public (int Start, int End)? DistinctToken { get; set; }

    public bool IsDistinct { get; set; }

    public List<string> Options { get; } = [];

    public List<SelectItem> Items { get; } = [];

    public TableRef? From { get; set; }

    public Expr? Where { get; set; }

    public List<Expr>? GroupBy { get; set; }

    public bool WithRollup { get; set; }

    public Expr? Having { get; set; }

    public TokenRange Window { get; set; } = TokenRange.Empty;

    /// <summary>True when this SELECT is the direct body of a WITH clause.</summary>
    public bool CarriesWith { get; set; }
}

internal enum SetOpKind { Union, Intersect, Except }

internal enum SetQuantifier { None, All, Distinct }

internal sealed class SetOpQuery(Query left, SetOpKind kind, SetQuantifier quantifier, Query right, int opStart, int opEnd)
    : Query(left.Start, right.End)
{
    public Query Left { get; } = left;

    public SetOpKind Kind { get; } = kind;

    public SetQuantifier Quantifier { get; } = quantifier;

    public Query Right { get; } = right;

    /// <summary>Span of the operator and its quantifier word.</summary>
    public int OpStart { get; } = opStart;

    public int OpEnd { get; } = opEnd;

    /// <summary>End of the bare operator word, before any quantifier.</summary>
    public int KeywordEnd { get; init; }
}

internal sealed class ParenQuery(int start, int end, Query inner) : Query(start, end)
{
    public Query Inner { get; } = inner;
}

/// <summary>A table value constructor, <c>VALUES (1, 'a'), (2, 'b')</c> (MariaDB; MySQL writes <c>VALUES ROW(…)</c>):
/// a query whose rows are written out.</summary>
internal sealed class ValuesQuery(int start, int end, List<RowExpr> rows) : Query(start, end)
{
    public List<RowExpr> Rows { get; } = rows;
}

internal sealed record Cte(string Name, List<string>? Columns, Query Body);

internal sealed class WithQuery(int start, bool recursive, List<Cte> ctes, Query body) : Query(start, body.End)
{
    public bool Recursive { get; } = recursive;

    public List<Cte> Ctes { get; } = ctes;

    public Query Body { get; } = body;
}
