namespace MutationHarness.Core.Fixtures;

/// <summary>The statements that build one database the pairs run on, with a name for reports.</summary>
public sealed record FixtureScript(string Name, IReadOnlyList<string> Statements);
