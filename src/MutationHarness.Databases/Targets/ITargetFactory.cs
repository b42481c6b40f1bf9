namespace MutationHarness.Databases.Targets;

/// <summary>Opens targets of the kinds it knows; the CLI composes several (databases, containers).</summary>
public interface ITargetFactory
{
    /// <summary>Whether this factory opens targets of the spec's kind.</summary>
    bool CanOpen(TargetSpec spec);

    /// <summary>Starts or connects to the target, with its sessions pinned and its accounts ready.</summary>
    Task<IQueryTarget> OpenAsync(TargetSpec spec, TargetOptions options, CancellationToken cancellationToken);
}
