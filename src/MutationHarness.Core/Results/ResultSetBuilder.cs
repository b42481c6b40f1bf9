namespace MutationHarness.Core.Results;

/// <summary>Folds rows into a <see cref="ResultSet"/> as they stream: every row's hash, and its text only while the
/// result stays within a text budget, or when the caller asked for that row by hash (a witness being re-read).</summary>
public sealed class ResultSetBuilder(int columnCount, long textBudget, IReadOnlySet<UInt128>? wanted = null)
{
    private readonly List<UInt128> _hashes = [];
    private List<ResultRow> _kept = [];
    private bool _allKept = true;
    private long _keptBytes;

    /// <summary>The rows added so far.</summary>
    public int RowCount => _hashes.Count;

    /// <summary>The cell bytes added so far.</summary>
    public long Bytes { get; private set; }

    /// <summary>True when the next row with this hash and size should be added with its text.</summary>
    public bool WantsText(UInt128 hash, long rowBytes) =>
        (_allKept && _keptBytes + rowBytes <= textBudget) || (wanted?.Contains(hash) ?? false);

    /// <summary>Adds a row by hash only.</summary>
    public void Add(UInt128 hash, long rowBytes)
    {
        _hashes.Add(hash);
        Bytes += rowBytes;
        if (_allKept)
        {
            // Past the budget the text goes; the rows a caller asked for by hash are kept from here on.
            _allKept = false;
            _kept = wanted is null ? [] : _kept.Where(r => wanted.Contains(r.Hash)).ToList();
        }
    }

    /// <summary>Adds a row with its text.</summary>
    public void Add(ResultRow row, long rowBytes)
    {
        _hashes.Add(row.Hash);
        Bytes += rowBytes;
        _kept.Add(row);
        _keptBytes += rowBytes;
    }

    /// <summary>The result folded so far.</summary>
    public ResultSet Build(UInt128 sequenceHash) =>
        new(columnCount, new RowMultiset([.. _hashes]), _kept, _allKept, sequenceHash, Bytes);
}
