namespace MutationHarness.FineTuning;

/// <summary>A verified (or rejected) pair offered for the dataset: the seed query, its mutant, where it came from and whether it passed the emit policy.</summary>
public sealed record DatasetCandidate(
    string Id,
    string Source,
    string Strategy,
    string Dbms,
    string Original,
    string Mutated,
    bool Passed,
    string? RejectReason = null);
