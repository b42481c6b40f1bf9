using MutationHarness.Databases.Targets;

namespace MutationHarness.TestSupport;

/// <summary>Gives provider-generic tests a target of one flavour, and what that flavour supports.</summary>
public interface ITargetProvider
{
    /// <summary>The flavour's features.</summary>
    ServerFeatures Features { get; }

    /// <summary>The open target, or a skip (locally) or failure (under CI) when the server is missing.</summary>
    IQueryTarget RequireTarget();
}
