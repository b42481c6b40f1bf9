using MutationHarness.Databases.Targets;

namespace MutationHarness.Verification;

/// <summary>Opens a target from the text a user gave after <c>--target</c>.</summary>
public interface ITargetOpener
{
    /// <summary>Starts or connects to the target; a failure throws with what to do about it.</summary>
    Task<IQueryTarget> OpenAsync(string spec, VerifyOptions options, CancellationToken cancellationToken);
}
