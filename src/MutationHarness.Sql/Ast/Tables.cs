namespace MutationHarness.Sql.Ast;

internal abstract class TableRef(int start, int end) : Node(start, end);

internal sealed class TableName(int start, int end, List<string> parts, string? alias, TokenRange hints) : TableRef(start, end)
{
    public List<string> Parts { get; } = parts;

    public string? Alias { get; } = alias;

    /// <summary>Index hints, kept verbatim.</summary>
    public TokenRange Hints { get; } = hints;

    /// <summary>PARTITION (…), kept verbatim.</summary>
    public TokenRange Partition { get; init; } = TokenRange.Empty;
}

internal sealed class DerivedTable(int start, int end, Query query, string? alias, List<string>? columns, bool lateral)
    : TableRef(start, end)
{
    public Query Query { get; } = query;

    public string? Alias { get; } = alias;

    public List<string>? Columns { get; } = columns;

    public bool Lateral { get; } = lateral;
}

internal enum JoinKind { Comma, Inner, Cross, Straight, Left, Right, Natural, NaturalLeft, NaturalRight }

internal sealed class JoinRef(TableRef left, JoinKind kind, TableRef right, Expr? on, List<string>? usingColumns, int end)
    : TableRef(left.Start, end)
{
    public TableRef Left { get; } = left;

    public JoinKind Kind { get; } = kind;

    public TableRef Right { get; } = right;

    public Expr? On { get; } = on;

    public List<string>? Using { get; } = usingColumns;

    public bool IsOuter => Kind is JoinKind.Left or JoinKind.Right or JoinKind.NaturalLeft or JoinKind.NaturalRight;
}

internal sealed class ParenTableRef(int start, int end, TableRef inner) : TableRef(start, end)
{
    public TableRef Inner { get; } = inner;
}

/// <summary>JSON_TABLE(document, path COLUMNS (…)) AS alias: a table computed from a JSON document, which may read
/// the columns of the tables before it. The path and the column list are kept verbatim.</summary>
internal sealed class JsonTable(int start, int end, Expr document, Expr path, TokenRange columns, string? alias) : TableRef(start, end)
{
    public Expr Document { get; } = document;

    public Expr Path { get; } = path;

    /// <summary>COLUMNS and its parenthesised list.</summary>
    public TokenRange Columns { get; } = columns;

    public string? Alias { get; } = alias;
}
