using MutationHarness.Databases.Targets;
using MutationHarness.Verification;

namespace MutationHarness.Evaluation;

/// <summary>Opens targets for the verifier and keeps them, so the grader can run a non-conforming answer on the same servers and databases.</summary>
internal sealed class SharingTargetOpener(ITargetOpener inner) : ITargetOpener
{
    private readonly List<RecordingTarget> _opened = [];

    public IReadOnlyList<RecordingTarget> Opened
    {
        get
        {
            lock (_opened)
                return _opened.ToList();
        }
    }

    public async Task<IQueryTarget> OpenAsync(string spec, VerifyOptions options, CancellationToken cancellationToken)
    {
        var target = new RecordingTarget(await inner.OpenAsync(spec, options, cancellationToken));
        lock (_opened)
            _opened.Add(target);
        return target;
    }
}

/// <summary>A target that remembers the fixture databases loaded on it; the verifier still owns and disposes it.</summary>
internal sealed class RecordingTarget(IQueryTarget inner) : IQueryTarget
{
    private readonly List<FixtureDatabase> _databases = [];

    public string Name => inner.Name;

    public ServerInfo Server => inner.Server;

    public SessionSettings Session => inner.Session;

    public IReadOnlyList<FixtureDatabase> Databases
    {
        get
        {
            lock (_databases)
                return _databases.ToList();
        }
    }

    public async Task<FixtureDatabase> LoadFixtureAsync(Core.Fixtures.FixtureScript fixture, CancellationToken cancellationToken)
    {
        var database = await inner.LoadFixtureAsync(fixture, cancellationToken);
        lock (_databases)
            _databases.Add(database);
        return database;
    }

    public async Task DropFixtureAsync(FixtureDatabase database, CancellationToken cancellationToken)
    {
        lock (_databases)
            _databases.Remove(database);
        await inner.DropFixtureAsync(database, cancellationToken);
    }

    public Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, TimeSpan deadline, CancellationToken cancellationToken) =>
        inner.ExecuteAsync(database, sql, deadline, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
