namespace MutationHarness.Core.Results;

/// <summary>Whether the expected containment holds, and if not, the rows that break it.</summary>
public sealed record RelationOutcome(bool Holds, string? Problem, IReadOnlyList<WitnessRow> Witness)
{
    /// <summary>The relation holds.</summary>
    public static RelationOutcome Held { get; } = new(true, null, []);
}

/// <summary>A row of the smaller side that the larger side lacks, with both counts.</summary>
public sealed record WitnessRow(IReadOnlyList<string?> Cells, int CountInContained, int CountInContainer);
