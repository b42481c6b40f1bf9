namespace MutationHarness.Core.Results;

/// <summary>Whether the expected containment holds, the rows that break it, and whether both sides were equal.</summary>
public sealed record RelationOutcome(bool Holds, string? Problem, IReadOnlyList<WitnessRow> Witness, bool BothEqual)
{
    /// <summary>The relation holds; the sides differ.</summary>
    public static RelationOutcome Held { get; } = new(true, null, [], false);

    /// <summary>Both sides are the same multiset, so either relation holds.</summary>
    public static RelationOutcome Identical { get; } = new(true, null, [], true);

    /// <summary>The missing rows by hash (at most <see cref="MultisetOracle.MaxWitnessRows"/>); <see cref="Witness"/>
    /// has the text of those the contained side kept, so a shorter witness means the rest must be read again.</summary>
    public IReadOnlyList<MissingRow> Missing { get; init; } = [];

    /// <summary>How the relation was judged when not by exact text alone (collations, values), or why it could not be.</summary>
    public string? Note { get; init; }

    /// <summary>True when every missing row has its text in <see cref="Witness"/>.</summary>
    public bool WitnessComplete => Witness.Count == Missing.Count;
}

/// <summary>A row of the smaller side that the larger side lacks, with both counts.</summary>
public sealed record WitnessRow(IReadOnlyList<string?> Cells, int CountInContained, int CountInContainer);
