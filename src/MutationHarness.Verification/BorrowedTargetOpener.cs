using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Verification;

/// <summary>Hands the verifier a target that someone else opened and owns; disposing the verifier leaves it running.</summary>
public sealed class BorrowedTargetOpener(IQueryTarget target) : ITargetOpener
{
    /// <inheritdoc />
    public Task<IQueryTarget> OpenAsync(string spec, VerifyOptions options, CancellationToken cancellationToken) =>
        Task.FromResult<IQueryTarget>(new Borrowed(target));

    private sealed class Borrowed(IQueryTarget inner) : IQueryTarget
    {
        public string Name => inner.Name;

        public ServerInfo Server => inner.Server;

        public SessionSettings Session => inner.Session;

        public Task<FixtureDatabase> LoadFixtureAsync(FixtureScript fixture, CancellationToken cancellationToken) =>
            inner.LoadFixtureAsync(fixture, cancellationToken);

        public Task DropFixtureAsync(FixtureDatabase database, CancellationToken cancellationToken) =>
            inner.DropFixtureAsync(database, cancellationToken);

        public Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, TimeSpan deadline, CancellationToken cancellationToken) =>
            inner.ExecuteAsync(database, sql, deadline, cancellationToken);

        // The owner disposes the real target.
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
