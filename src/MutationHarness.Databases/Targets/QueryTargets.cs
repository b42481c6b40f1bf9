using MutationHarness.Databases.Local;
using MutationHarness.Databases.Local.Versions;
using MutationHarness.Databases.Remote;

namespace MutationHarness.Databases.Targets;

/// <summary>Opens <c>local:*</c> and connection-string targets; <c>container:*</c> needs the Containers factory.</summary>
// Named QueryTargets, not Targets, so it cannot clash with the MutationHarness.Databases.Targets namespace.
public sealed class QueryTargets : ITargetFactory
{
    /// <summary>The shared instance.</summary>
    public static QueryTargets Factory { get; } = new();

    /// <summary>Opens the target a spec names, when it is a local or connection-string target.</summary>
    public static Task<IQueryTarget> OpenAsync(TargetSpec spec, TargetOptions options, CancellationToken cancellationToken) =>
        Factory.OpenTargetAsync(spec, options, cancellationToken);

    /// <inheritdoc />
    public bool CanOpen(TargetSpec spec) => spec.Kind is TargetKind.Local or TargetKind.ConnectionString;

    /// <inheritdoc />
    Task<IQueryTarget> ITargetFactory.OpenAsync(TargetSpec spec, TargetOptions options, CancellationToken cancellationToken) =>
        OpenTargetAsync(spec, options, cancellationToken);

    private async Task<IQueryTarget> OpenTargetAsync(TargetSpec spec, TargetOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return spec.Kind switch
        {
            TargetKind.Local when spec.Tag is not null => await VersionedMariaDb.StartAsync(spec.Tag, options, cancellationToken),
            TargetKind.Local => await LocalMariaDbTarget.StartAsync(spec.Flavor, options, cancellationToken),
            TargetKind.ConnectionString => await ConnectionStringTarget.OpenAsync(spec.ConnectionString!, options, cancellationToken),
            _ => throw new TargetSpecException(spec.DisplayName, "container targets need the MutationHarness.Containers factory (ContainerTargetFactory)."),
        };
    }
}
