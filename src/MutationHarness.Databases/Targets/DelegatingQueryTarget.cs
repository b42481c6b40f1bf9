using MutationHarness.Core.Fixtures;

namespace MutationHarness.Databases.Targets;

/// <summary>A target that hands every call to another one; a subclass adds what it owns or observes.</summary>
public abstract class DelegatingQueryTarget(IQueryTarget inner) : IQueryTarget
{
    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public ServerInfo Server => inner.Server;

    /// <inheritdoc />
    public SessionSettings Session => inner.Session;

    /// <inheritdoc />
    public Task<FixtureDatabase> LoadFixtureAsync(FixtureScript fixture, CancellationToken cancellationToken) =>
        inner.LoadFixtureAsync(fixture, cancellationToken);

    /// <inheritdoc />
    public Task DropFixtureAsync(FixtureDatabase database, CancellationToken cancellationToken) =>
        inner.DropFixtureAsync(database, cancellationToken);

    /// <inheritdoc />
    public virtual Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, TimeSpan deadline, CancellationToken cancellationToken) =>
        inner.ExecuteAsync(database, sql, deadline, cancellationToken);

    /// <summary>Disposes the inner target; a subclass that does not own it overrides this.</summary>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return inner.DisposeAsync();
    }
}
