using MutationHarness.Core.Results;
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
    public TargetProtections Protections => inner.Protections;

    /// <inheritdoc />
    public Task<FixtureDatabase> LoadFixtureAsync(FixtureScript fixture, CancellationToken cancellationToken) =>
        inner.LoadFixtureAsync(fixture, cancellationToken);

    /// <inheritdoc />
    public Task DropFixtureAsync(FixtureDatabase database, CancellationToken cancellationToken) =>
        inner.DropFixtureAsync(database, cancellationToken);

    /// <inheritdoc />
    public virtual Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, TimeSpan deadline, CancellationToken cancellationToken) =>
        inner.ExecuteAsync(database, sql, deadline, cancellationToken);

    /// <inheritdoc />
    public virtual Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, ReadRequest request, CancellationToken cancellationToken) =>
        inner.ExecuteAsync(database, sql, request, cancellationToken);

    /// <inheritdoc />
    public virtual Task<IReadOnlyList<ResultColumn>?> DescribeColumnsAsync(FixtureDatabase database, string sql, TimeSpan deadline, CancellationToken cancellationToken) =>
        inner.DescribeColumnsAsync(database, sql, deadline, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<int>?> CollationClassesAsync(FixtureDatabase database, ResultColumn column, IReadOnlyList<string> values, TimeSpan deadline, CancellationToken cancellationToken) =>
        inner.CollationClassesAsync(database, column, values, deadline, cancellationToken);

    /// <summary>Disposes the inner target; a subclass that does not own it overrides this.</summary>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return inner.DisposeAsync();
    }
}
