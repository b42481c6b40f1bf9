namespace MutationHarness.FineTuning;

/// <summary>Why a candidate was left out of the dataset.</summary>
public static class RejectionReasons
{
    /// <summary>It did not pass the emit policy.</summary>
    public const string Policy = "policy";

    /// <summary>Its strategy has no instruction text.</summary>
    public const string NoInstruction = "no_instruction";

    /// <summary>Its original or mutated SQL is empty.</summary>
    public const string EmptySql = "empty_sql";

    /// <summary>An earlier candidate has the same normalised pair for the same strategy and dbms.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>A per-strategy or per-strategy-and-dbms cap (or the dbms balance) was reached.</summary>
    public const string OverCap = "over_cap";

    /// <summary>Its label names a dbms it was not verified on, and the run asked for labels to be verified.</summary>
    public const string LabelNotVerified = "label_not_verified";
}

/// <summary>A candidate chosen for the dataset, with its system message ready.</summary>
internal sealed record PlannedExample(DatasetCandidate Candidate, string SystemMessage, string NormalisedOriginal, int InputIndex);

/// <summary>A candidate left out, with the reason and its detail.</summary>
internal sealed record RejectedCandidate(DatasetCandidate Candidate, string Reason, string Detail, int InputIndex);

/// <summary>The outcome of planning: which candidates go where, and why the rest were dropped.</summary>
internal sealed record DatasetPlan(
    int InputCount,
    IReadOnlyList<PlannedExample> Train,
    IReadOnlyList<PlannedExample> Validation,
    IReadOnlyList<RejectedCandidate> Rejected,
    IReadOnlyList<string> Warnings);
