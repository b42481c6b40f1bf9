namespace MutationHarness.Verification.Generation;

/// <summary>One verified pair as <c>generate</c> writes it: plain pair JSONL that <c>verify</c> and <c>clean</c> read,
/// with where it verified.</summary>
public sealed record GeneratedPair(
    string Id,
    string Strategy,
    string Original,
    string Mutated,
    bool IsUpper,
    string Dbms,
    string Site,
    string SeedId,
    IReadOnlyList<VerifiedOn> Targets);

/// <summary>A target the pair verified on: its name, the server's flavour and version, and the databases it ran on.</summary>
public sealed record VerifiedOn(string Target, string Server, string Version, IReadOnlyList<string> Databases);
