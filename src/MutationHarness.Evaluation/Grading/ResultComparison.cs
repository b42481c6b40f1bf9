using MutationHarness.Core.Results;

namespace MutationHarness.Evaluation;

/// <summary>Equality of two results over exact cell text: as multisets, or as sequences when order matters.</summary>
internal static class ResultComparison
{
    public static bool SameMultiset(ResultSet left, ResultSet right)
    {
        // Zero rows is the empty multiset whatever the width.
        if (left.Rows.Count == 0 && right.Rows.Count == 0)
            return true;
        if (left.ColumnCount != right.ColumnCount || left.Rows.Count != right.Rows.Count)
            return false;
        var counts = left.ToMultiset();
        foreach (var (row, count) in right.ToMultiset())
        {
            if (counts.GetValueOrDefault(row) != count)
                return false;
        }
        return true;
    }

    public static bool SameSequence(ResultSet left, ResultSet right) =>
        (left.Rows.Count == 0 && right.Rows.Count == 0)
        || (left.ColumnCount == right.ColumnCount && left.Rows.SequenceEqual(right.Rows));
}
