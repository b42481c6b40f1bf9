using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Quirks;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Databases.Execution;

/// <summary>The behaviour every MySQL-protocol target shares: fixture databases through the loader account, statements through pinned reader sessions.</summary>
internal sealed class MySqlQueryTarget : IQueryTarget
{
    private readonly SessionPool _pool;
    private readonly StatementRunner _runner;
    private readonly FixtureLoader _loader;
    private readonly Func<ValueTask>? _onDispose;
    private int _disposed;

    public MySqlQueryTarget(string name, ServerInfo server, TargetAccounts accounts, TargetOptions options, Func<ValueTask>? onDispose)
    {
        Name = name;
        Server = server;
        Session = options.Session;
        Accounts = accounts;
        var quirks = ServerQuirks.For(server.Flavor);
        _pool = new SessionPool(accounts.Reader, options.Session, options.Jobs);
        _runner = new StatementRunner(quirks);
        _loader = new FixtureLoader(accounts, options.Session);
        _onDispose = onDispose;
    }

    public string Name { get; }

    public ServerInfo Server { get; }

    public SessionSettings Session { get; }

    public TargetAccounts Accounts { get; }

    public Task<FixtureDatabase> LoadFixtureAsync(FixtureScript fixture, CancellationToken cancellationToken) =>
        _loader.LoadAsync(fixture, cancellationToken);

    public Task DropFixtureAsync(FixtureDatabase database, CancellationToken cancellationToken) =>
        _loader.DropAsync(database, cancellationToken);

    public async Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, TimeSpan deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(sql);
        if (deadline <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(deadline), deadline, "The deadline must be positive.");
        var session = await _pool.RentAsync(cancellationToken);
        try
        {
            return await _runner.RunAsync(session, database.Name, sql, deadline, cancellationToken);
        }
        finally
        {
            await _pool.ReturnAsync(session);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        try
        {
            await _pool.DisposeAsync();
        }
        finally
        {
            if (_onDispose is not null)
                await _onDispose();
        }
    }
}
