using MutationHarness.Databases.Targets;

namespace MutationHarness.Containers;

/// <summary>Opens <c>container:mysql|mariadb|tidb[:tag]</c> targets; compose it with <see cref="QueryTargets"/> for the other kinds.</summary>
public sealed class ContainerTargetFactory : ITargetFactory
{
    /// <summary>The shared instance.</summary>
    public static ContainerTargetFactory Instance { get; } = new();

    /// <inheritdoc />
    public bool CanOpen(TargetSpec spec) => spec?.Kind == TargetKind.Container;

    /// <inheritdoc />
    public async Task<IQueryTarget> OpenAsync(TargetSpec spec, TargetOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Kind != TargetKind.Container)
            throw new TargetSpecException(spec.DisplayName, "not a container target.");
        return await ContainerTarget.StartAsync(spec, options, cancellationToken);
    }
}
