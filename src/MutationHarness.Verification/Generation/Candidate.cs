namespace MutationHarness.Verification.Generation;

/// <summary>A mutant offered for verification: its strategy, the seed query it came from, and how many sites of the
/// strategy that seed holds.</summary>
internal sealed record Candidate(string Strategy, string SeedId, string Seed, string Mutated, int SitesInSeed);
