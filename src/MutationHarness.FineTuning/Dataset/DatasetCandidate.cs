namespace MutationHarness.FineTuning;

/// <summary>A verified (or rejected) pair offered for the dataset: the seed query, its mutant, where it came from and whether it passed the emit policy.</summary>
/// <remarks><see cref="Verdict"/> is the verifier's verdict name (for the manifest's count of policy drops by verdict);
/// <see cref="Setup"/> holds the record's own statements to run first, kept in the manifest so <c>eval</c> can grade the line.</remarks>
public sealed record DatasetCandidate(
    string Id,
    string Source,
    string Strategy,
    string Dbms,
    string Original,
    string Mutated,
    bool Passed,
    string? RejectReason = null,
    IReadOnlyList<string>? Setup = null,
    string? Verdict = null);
