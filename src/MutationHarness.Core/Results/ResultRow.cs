namespace MutationHarness.Core.Results;

/// <summary>One row as the server sent it: exact cell text, <c>null</c> for SQL NULL, with its 128-bit row hash.</summary>
public sealed class ResultRow : IEquatable<ResultRow>
{
    private readonly string?[] _cells;

    /// <summary>Creates a row over the given cells (the array is kept, not copied).</summary>
    public ResultRow(string?[] cells)
        : this(cells, RowHasher.Hash(cells))
    {
    }

    /// <summary>Creates a row whose hash a reader already computed from the server's bytes.</summary>
    public ResultRow(string?[] cells, UInt128 hash)
    {
        _cells = cells;
        Hash = hash;
    }

    /// <summary>The cells, left to right.</summary>
    public IReadOnlyList<string?> Cells => _cells;

    /// <summary>The row's hash: equal rows (cell by cell, NULL apart from 'NULL') have equal hashes.</summary>
    public UInt128 Hash { get; }

    /// <inheritdoc />
    public bool Equals(ResultRow? other)
    {
        if (other is null || other.Hash != Hash || other._cells.Length != _cells.Length)
            return false;
        for (var i = 0; i < _cells.Length; i++)
        {
            if (!string.Equals(_cells[i], other._cells[i], StringComparison.Ordinal))
                return false;
        }
        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ResultRow);

    /// <inheritdoc />
    public override int GetHashCode() => Hash.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => "(" + string.Join(", ", _cells.Select(c => c is null ? "NULL" : "'" + c + "'")) + ")";
}
