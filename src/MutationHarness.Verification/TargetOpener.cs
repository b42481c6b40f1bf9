using MutationHarness.Containers;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Verification;

/// <summary>Opens local, container and connection-string targets from what follows <c>--target</c>.</summary>
public sealed class TargetOpener : ITargetOpener
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
        };
        return factory.OpenAsync(parsed, targetOptions, cancellationToken);
    }
}
