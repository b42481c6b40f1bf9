using System.Collections.Concurrent;
using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Targets;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests;

/// <summary>A real target that also remembers every statement sent to it, to prove what was never sent.</summary>
internal sealed class RecordingTarget(IQueryTarget inner) : IQueryTarget
{
    public ConcurrentQueue<string> Executed { get; } = new();

    public string Name => inner.Name;
    public ServerInfo Server => inner.Server;
    public SessionSettings Session => inner.Session;

    public Task<FixtureDatabase> LoadFixtureAsync(FixtureScript fixture, CancellationToken cancellationToken) =>
        inner.LoadFixtureAsync(fixture, cancellationToken);

    public Task DropFixtureAsync(FixtureDatabase database, CancellationToken cancellationToken) =>
        inner.DropFixtureAsync(database, cancellationToken);

    public Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, TimeSpan deadline, CancellationToken cancellationToken)
    {
        Executed.Enqueue(sql);
        return inner.ExecuteAsync(database, sql, deadline, cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}

/// <summary>Opens the real targets and wraps each in a <see cref="RecordingTarget"/>.</summary>
internal sealed class RecordingOpener : ITargetOpener
{
    private readonly TargetOpener _real = new();

    public List<RecordingTarget> Opened { get; } = [];

    public async Task<IQueryTarget> OpenAsync(string spec, VerifyOptions options, CancellationToken cancellationToken)
    {
        var target = new RecordingTarget(await _real.OpenAsync(spec, options, cancellationToken));
        Opened.Add(target);
        return target;
    }
}
