namespace MutationHarness.Core.Results;

/// <summary>Judges the expected containment between two results as multisets of rows over exact cell text.</summary>
public static class MultisetOracle
{
    /// <summary>At most this many distinct missing rows are named; the problem still counts them all.</summary>
    public const int MaxWitnessRows = 100;

    /// <summary>Checks the relation and, when it is broken, names the rows that break it (their text where it was kept).</summary>
    public static RelationOutcome Compare(ResultSet original, ResultSet mutant, ExpectedRelation expected)
    {
        // Most pairs return the same rows: equal, so both relations hold.
        if (original.ColumnCount == mutant.ColumnCount && original.Multiset.SameAs(mutant.Multiset))
            return RelationOutcome.Identical;

        var (contained, container) = expected == ExpectedRelation.MutantContainsOriginal
            ? (original, mutant)
            : (mutant, original);

        // Zero rows is the empty multiset, contained in anything whatever its width.
        if (contained.RowCount == 0)
            return RelationOutcome.Held;
        if (original.ColumnCount != mutant.ColumnCount)
        {
            return new RelationOutcome(false,
                $"column count differs: original has {original.ColumnCount}, mutant has {mutant.ColumnCount}", [], false);
        }

        var missing = new List<MissingRow>();
        var total = 0L;
        foreach (var row in contained.Multiset.MissingFrom(container.Multiset))
        {
            total += row.CountInContained - row.CountInContainer;
            if (missing.Count < MaxWitnessRows)
                missing.Add(row);
        }
        if (total == 0)
            return RelationOutcome.Held;

        var side = ReferenceEquals(contained, original) ? "original" : "mutant";
        return new RelationOutcome(false,
            $"{total} row(s) of the {side} are missing from the other side ({expected.Describe()} expected)", Witness(missing, contained), false)
        {
            Missing = missing,
        };
    }

    /// <summary>The witness rows whose text <paramref name="contained"/> kept, with their counts.</summary>
    public static IReadOnlyList<WitnessRow> Witness(IReadOnlyList<MissingRow> missing, ResultSet contained)
    {
        var witness = new List<WitnessRow>(missing.Count);
        foreach (var row in missing)
        {
            if (contained.TextOf(row.Hash) is { } text)
                witness.Add(new WitnessRow(text.Cells, row.CountInContained, row.CountInContainer));
        }
        return witness;
    }
}
