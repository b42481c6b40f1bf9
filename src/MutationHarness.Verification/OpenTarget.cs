using MutationHarness.Databases.Targets;

namespace MutationHarness.Verification;

/// <summary>A target that is up, with the shared databases every pair without its own setup runs on.</summary>
public sealed record OpenTarget(IQueryTarget Target, IReadOnlyList<FixtureDatabase> Databases)
{
    internal SessionReport Session { get; } = new(Target.Session.SqlMode, Target.Session.TimeZone, Target.Session.CharacterSet, Target.Session.Collation);

    /// <summary>Seed results on this target's databases, reused by the next pair with the same seed.</summary>
    internal SeedResults SeedResults { get; } = new();
}
