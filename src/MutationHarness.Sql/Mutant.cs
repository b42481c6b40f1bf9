namespace MutationHarness.Sql;

/// <summary>One mutant of a seed: the strategy, the mutant text, the site and the expected direction.</summary>
public sealed record Mutant(string Strategy, string Sql, string Site, bool IsUpper);
