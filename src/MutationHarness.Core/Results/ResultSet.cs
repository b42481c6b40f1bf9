namespace MutationHarness.Core.Results;

/// <summary>What one statement returned, folded as it streamed: the multiset of row hashes, counts, and the text of
/// the rows that were kept (all of them for a small result).</summary>
public sealed class ResultSet
{
    private Dictionary<UInt128, ResultRow>? _byHash;

    /// <summary>A result whose every row is known as text (tests, small results).</summary>
    public ResultSet(int columnCount, IReadOnlyList<ResultRow> rows)
        : this(columnCount, new RowMultiset(rows.Select(r => r.Hash).ToArray()), rows, true, SequenceOf(rows), rows.Sum(TextBytes))
    {
    }

    /// <summary>A result as a reader folded it.</summary>
    public ResultSet(int columnCount, RowMultiset multiset, IReadOnlyList<ResultRow> keptRows, bool allRowsKept, UInt128 sequenceHash, long bytes)
    {
        ColumnCount = columnCount;
        Multiset = multiset;
        Rows = keptRows;
        AllRowsKept = allRowsKept;
        SequenceHash = sequenceHash;
        Bytes = bytes;
    }

    /// <summary>How many columns the statement returned.</summary>
    public int ColumnCount { get; }

    /// <summary>How many rows the statement returned, duplicates counted.</summary>
    public int RowCount => Multiset.Count;

    /// <summary>The rows as a multiset of hashes: what the oracle compares.</summary>
    public RowMultiset Multiset { get; }

    /// <summary>The rows whose text was kept, in the order they came: every row when <see cref="AllRowsKept"/>.</summary>
    public IReadOnlyList<ResultRow> Rows { get; }

    /// <summary>True when <see cref="Rows"/> is the whole result, false when only some rows' text was kept.</summary>
    public bool AllRowsKept { get; }

    /// <summary>The hash of the rows in the order they came, for comparisons where order matters.</summary>
    public UInt128 SequenceHash { get; }

    /// <summary>The UTF-8 bytes of all cells, as read.</summary>
    public long Bytes { get; }

    /// <summary>A kept row with this hash, or null when its text was not kept.</summary>
    public ResultRow? TextOf(UInt128 hash)
    {
        _byHash ??= Rows.DistinctBy(r => r.Hash).ToDictionary(r => r.Hash);
        return _byHash.GetValueOrDefault(hash);
    }

    private static UInt128 SequenceOf(IReadOnlyList<ResultRow> rows)
    {
        var hasher = new RowHasher();
        foreach (var row in rows)
        {
            foreach (var cell in row.Cells)
                hasher.Add(cell);
            hasher.EndRow();
        }
        return hasher.SequenceHash;
    }

    private static long TextBytes(ResultRow row) => row.Cells.Sum(c => c is null ? 0L : System.Text.Encoding.UTF8.GetByteCount(c));
}
