namespace MutationHarness.Core.Results;

/// <summary>Judges the expected containment between two results as multisets over exact cell text.</summary>
public static class MultisetOracle
{
    /// <summary>Checks the relation and, when it is broken, names the smallest witness.</summary>
    public static RelationOutcome Compare(ResultSet original, ResultSet mutant, ExpectedRelation expected)
    {
        // Most pairs return the same rows in the same order: equal, so both relations hold.
        if (SameSequence(original, mutant))
            return RelationOutcome.Identical;

        var (contained, container) = expected == ExpectedRelation.MutantContainsOriginal
            ? (original, mutant)
            : (mutant, original);

        // Zero rows is the empty multiset, contained in anything whatever its width.
        if (contained.Rows.Count == 0)
            return RelationOutcome.Held;
        if (original.ColumnCount != mutant.ColumnCount)
        {
            return new RelationOutcome(false,
                $"column count differs: original has {original.ColumnCount}, mutant has {mutant.ColumnCount}", [], false);
        }

        var have = container.ToMultiset();
        var witness = new List<WitnessRow>();
        foreach (var (row, count) in contained.ToMultiset())
        {
            var available = have.GetValueOrDefault(row);
            if (available < count)
                witness.Add(new WitnessRow(row.Cells, count, available));
        }
        if (witness.Count == 0)
        {
            // A ⊆ B with |A| = |B| means A = B.
            return contained.Rows.Count == container.Rows.Count ? RelationOutcome.Identical : RelationOutcome.Held;
        }

        var missing = witness.Sum(w => w.CountInContained - w.CountInContainer);
        var side = ReferenceEquals(contained, original) ? "original" : "mutant";
        return new RelationOutcome(false,
            $"{missing} row(s) of the {side} are missing from the other side ({expected.Describe()} expected)", witness, false);
    }

    private static bool SameSequence(ResultSet original, ResultSet mutant)
    {
        if (original.ColumnCount != mutant.ColumnCount || original.Rows.Count != mutant.Rows.Count)
            return false;
        for (var i = 0; i < original.Rows.Count; i++)
        {
            if (!original.Rows[i].Equals(mutant.Rows[i]))
                return false;
        }
        return true;
    }
}
