namespace MutationHarness.Core.Results;

/// <summary>A multiset of row hashes, kept sorted: 16 bytes a row whatever the rows' width.</summary>
public sealed class RowMultiset
{
    private readonly UInt128[] _hashes;

    /// <summary>Takes the hashes (the array is sorted in place and kept).</summary>
    public RowMultiset(UInt128[] hashes)
    {
        Array.Sort(hashes);
        _hashes = hashes;
    }

    /// <summary>The number of rows, duplicates counted.</summary>
    public int Count => _hashes.Length;

    /// <summary>Each distinct hash with its count, in ascending hash order.</summary>
    public IEnumerable<(UInt128 Hash, int Count)> Distinct()
    {
        for (var i = 0; i < _hashes.Length;)
        {
            var j = i + 1;
            while (j < _hashes.Length && _hashes[j] == _hashes[i])
                j++;
            yield return (_hashes[i], j - i);
            i = j;
        }
    }

    /// <summary>True when both hold the same hashes the same number of times.</summary>
    public bool SameAs(RowMultiset other) => _hashes.AsSpan().SequenceEqual(other._hashes);

    /// <summary>Every distinct hash of this multiset that <paramref name="container"/> holds fewer times, with both counts.</summary>
    public IEnumerable<MissingRow> MissingFrom(RowMultiset container)
    {
        var theirs = container._hashes;
        var j = 0;
        foreach (var (hash, count) in Distinct())
        {
            while (j < theirs.Length && theirs[j] < hash)
                j++;
            var available = 0;
            while (j < theirs.Length && theirs[j] == hash)
            {
                available++;
                j++;
            }
            if (available < count)
                yield return new MissingRow(hash, count, available);
        }
    }
}

/// <summary>A row of the smaller side, by hash, that the larger side holds fewer times.</summary>
public sealed record MissingRow(UInt128 Hash, int CountInContained, int CountInContainer);
