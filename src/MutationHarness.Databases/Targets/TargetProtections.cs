namespace MutationHarness.Databases.Targets;

/// <summary>What a target protects, and what a user should know about it before a run starts.</summary>
/// <param name="ReadOnlyAccount">Pairs run as an account that can only SELECT from this run's databases.</param>
/// <param name="IsolatedSetups">Each record's setup runs as an account of its own, in a database of its own, under a budget.</param>
/// <param name="Notices">Plain sentences for the start of a run: protections that are off, leftovers that were removed.</param>
public sealed record TargetProtections(bool ReadOnlyAccount, bool IsolatedSetups, IReadOnlyList<string> Notices)
{
    /// <summary>Everything on, nothing to say.</summary>
    public static TargetProtections Full { get; } = new(true, true, []);
}
