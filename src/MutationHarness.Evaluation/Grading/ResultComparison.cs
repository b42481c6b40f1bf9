using MutationHarness.Core.Results;

namespace MutationHarness.Evaluation;

/// <summary>Equality of two results over exact cell text: as multisets, or as sequences when order matters.</summary>
internal static class ResultComparison
{
    public static bool SameMultiset(ResultSet left, ResultSet right) =>
        // Zero rows is the empty multiset whatever the width.
        (left.RowCount == 0 && right.RowCount == 0)
        || (left.ColumnCount == right.ColumnCount && left.Multiset.SameAs(right.Multiset));

    public static bool SameSequence(ResultSet left, ResultSet right) =>
        (left.RowCount == 0 && right.RowCount == 0)
        || (left.ColumnCount == right.ColumnCount && left.RowCount == right.RowCount && left.SequenceHash == right.SequenceHash);
}
