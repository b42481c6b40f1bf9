namespace MutationHarness.Core.Results;

/// <summary>The rows one statement returned, with its column count.</summary>
public sealed record ResultSet(int ColumnCount, IReadOnlyList<ResultRow> Rows)
{
    /// <summary>Counts each distinct row: the multiset view the oracle compares.</summary>
    public Dictionary<ResultRow, int> ToMultiset()
    {
        var counts = new Dictionary<ResultRow, int>(Rows.Count);
        foreach (var row in Rows)
            counts[row] = counts.GetValueOrDefault(row) + 1;
        return counts;
    }
}
