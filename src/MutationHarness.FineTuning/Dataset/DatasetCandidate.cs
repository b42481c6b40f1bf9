namespace MutationHarness.FineTuning;

/// <summary>A verified (or rejected) pair offered for the dataset: the seed query, its mutant, where it came from and whether it passed the emit policy.</summary>
/// <remarks><see cref="Dbms"/> is the pair's label: the dialect the role prompt names, which the user chose and which
/// need not be a server it ran on. <see cref="Verdict"/> is the verifier's verdict name (for the manifest's count of
/// policy drops by verdict); <see cref="Setup"/> holds the record's own statements to run first, kept in the manifest
/// so <c>eval</c> can grade the line; <see cref="VerifiedOn"/> lists the servers it passed on (null when not known).</remarks>
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
    string? Verdict = null,
    IReadOnlyList<VerifiedServer>? VerifiedOn = null)
{
    /// <summary>Whether it passed on a server of its label's flavour; null when where it was verified is not known.</summary>
    public bool? LabelVerified => VerifiedOn?.Any(server => server.Is(Dbms));
}
