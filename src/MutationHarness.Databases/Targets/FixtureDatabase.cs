namespace MutationHarness.Databases.Targets;

/// <summary>A database a target created and loaded; statements run inside it.</summary>
public sealed record FixtureDatabase(string Name, string FixtureName);
