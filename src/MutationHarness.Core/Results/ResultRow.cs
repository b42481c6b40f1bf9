namespace MutationHarness.Core.Results;

/// <summary>One row as the server sent it: exact cell text, <c>null</c> for SQL NULL.</summary>
public sealed class ResultRow : IEquatable<ResultRow>
{
    private readonly string?[] _cells;
    private readonly int _hash;

    /// <summary>Creates a row over the given cells (the array is kept, not copied).</summary>
    public ResultRow(string?[] cells)
    {
        _cells = cells;
        var hash = new HashCode();
        foreach (var cell in cells)
        {
            // NULL and the string 'NULL' must hash apart as well as compare apart.
            hash.Add(cell is null ? 0 : 1);
            hash.Add(cell, StringComparer.Ordinal);
        }
        _hash = hash.ToHashCode();
    }

    /// <summary>The cells, left to right.</summary>
    public IReadOnlyList<string?> Cells => _cells;

    /// <inheritdoc />
    public bool Equals(ResultRow? other)
    {
        if (other is null || other._hash != _hash || other._cells.Length != _cells.Length)
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
    public override int GetHashCode() => _hash;

    /// <inheritdoc />
    public override string ToString() => "(" + string.Join(", ", _cells.Select(c => c is null ? "NULL" : "'" + c + "'")) + ")";
}
