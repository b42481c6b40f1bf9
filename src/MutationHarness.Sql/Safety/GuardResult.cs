namespace MutationHarness.Sql;

/// <summary>Whether a statement may run on a test server, and why not when it may not.</summary>
public sealed record GuardResult(bool IsAllowed, string? Reason)
{
    internal static GuardResult Allowed { get; } = new(true, null);

    internal static GuardResult Rejected(string reason) => new(false, reason);
}
