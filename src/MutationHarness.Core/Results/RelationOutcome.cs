namespace MutationHarness.Core.Results;

/// <summary>Whether the expected containment holds, the rows that break it, and whether both sides were equal.</summary>
public sealed record RelationOutcome(bool Holds, string? Problem, IReadOnlyList<WitnessRow> Witness, bool BothEqual)
{
    /// <summary>The relation holds; the sides differ.</summary>
    public static RelationOutcome Held { get; } = new(true, null, [], false);

    /// <summary>Both sides are the same multiset, so either relation holds.</summary>
    public static RelationOutcome Identical { get; } = new(true, null, [], true);
}

/// <summary>A row of the smaller side that the larger side lacks, with both counts.</summary>
public sealed record WitnessRow(IReadOnlyList<string?> Cells, int CountInContained, int CountInContainer);
