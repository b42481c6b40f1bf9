using MutationHarness.Containers;
using MutationHarness.Databases.Targets;
using MutationHarness.Verification;

namespace MutationHarness.Cli.Commands;

/// <summary>Opens local, container and connection-string targets from what follows <c>--target</c>.</summary>
/// <remarks>It lives in the Cli, the one place that composes every kind of target, so the verification
/// pipeline does not depend on Testcontainers.</remarks>
internal sealed class TargetOpener : ITargetOpener
{
    private readonly ITargetFactory[] _factories = [QueryTargets.Factory, ContainerTargetFactory.Instance];

    /// <inheritdoc />
    public Task<IQueryTarget> OpenAsync(string spec, VerifyOptions options, CancellationToken cancellationToken)
    {
        var parsed = TargetSpec.Parse(spec);
        var factory = _factories.First(f => f.CanOpen(parsed));
        var targetOptions = new TargetOptions
        {
            Jobs = options.Jobs,
            StatementDeadline = options.StatementTimeout,
            KeepDataDirectory = options.KeepServerFiles,
            Pull = options.Pull,
            Log = ServersCommand.Say,
        };
        return factory.OpenAsync(parsed, targetOptions, cancellationToken);
    }
}
