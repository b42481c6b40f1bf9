using System.Diagnostics;
using System.Globalization;
using MutationHarness.Core.Results;
using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Quirks;
using MutationHarness.Databases.Targets;
using MySqlConnector;
using MutationHarness.Core.Threading;

namespace MutationHarness.Databases.Execution;

/// <summary>The behaviour every MySQL-protocol target shares: fixture databases through the loader account, statements through pinned reader sessions.</summary>
internal sealed class MySqlQueryTarget : IQueryTarget
{
    private const int RunsOnLostConnection = 3;
    private readonly SessionPool _pool;
    private readonly StatementRunner _runner;
    private readonly FixtureLoader _loader;
    private readonly CollationCatalog _collations;
    private readonly ServerContinuity _continuity;
    private readonly Func<ValueTask>? _onDispose;
    private int _disposed;

    public MySqlQueryTarget(string name, ServerInfo server, TargetAccounts accounts, TargetOptions options, IReadOnlyList<string> notices, Func<ValueTask>? onDispose)
    {
        Name = name;
        Server = server;
        Session = options.Session;
        Accounts = accounts;
        Protections = new TargetProtections(accounts.IsolatesSetups, accounts.IsolatesSetups, notices);
        var quirks = ServerQuirks.For(server.Flavor);
        var watch = new SessionWatch(server.Flavor);
        var pin = SessionPinning.SetStatement(options.Session);
        _pool = new SessionPool(accounts.Reader, pin, watch, options.Jobs);
        _runner = new StatementRunner(quirks, name, watch, pin);
        _loader = new FixtureLoader(accounts, options.Session, server.Flavor);
        _collations = new CollationCatalog(accounts.Reader);
        _continuity = new ServerContinuity(accounts.Reader);
        _onDispose = onDispose;
    }

    public string Name { get; }

    public ServerInfo Server { get; }

    public SessionSettings Session { get; }

    public TargetProtections Protections { get; }

    public TargetAccounts Accounts { get; }

    public Task<FixtureDatabase> LoadFixtureAsync(FixtureScript fixture, CancellationToken cancellationToken) =>
        _loader.LoadAsync(fixture, cancellationToken);

    public Task DropFixtureAsync(FixtureDatabase database, CancellationToken cancellationToken) =>
        _loader.DropAsync(database, cancellationToken);

    public Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, TimeSpan deadline, CancellationToken cancellationToken) =>
        ExecuteAsync(database, sql, new ReadRequest(deadline), cancellationToken);

    public async Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, ReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Deadline <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(request), request.Deadline, "The deadline must be positive.");
        for (var run = 1; ; run++)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await ExecuteOnceAsync(database.Name, sql, request, cancellationToken);
            }
            catch (TargetLostException lost) when (!cancellationToken.IsCancellationRequested)
            {
                // A statement can end its own connection while the server stays up (the server hangs up on one over
                // max_allowed_packet): that is the statement's failure, or one record would stop the whole run. Run
                // it again first, on a fresh session, in case something else ended the connection.
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (Volatile.Read(ref _disposed) != 0 || !await _continuity.StayedUpAsync(elapsed))
                    throw;
                if (run == RunsOnLostConnection)
                    return new ServerErrorOutcome(ServerErrors.ConnectionLost, "HY000",
                        $"the statement lost its connection on all {run} runs while the server stayed up (last: {lost.Message})", elapsed);
            }
        }
    }

    private async Task<StatementOutcome> ExecuteOnceAsync(string database, string sql, ReadRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var rented = new TaskCompletionSource<PinnedSession>(TaskCreationOptions.RunContinuationsAsynchronously);
        var work = RunAsync(database, sql, request, rented, abandon.Token);
        // The server enforces the deadline, then the driver's cancel does; when the server does not answer at all
        // (frozen, or its machine gone) neither returns, so the client gives up here and closes the connection.
        // (WaitAsync drops its timer as soon as the work ends: a delay task per statement would keep thousands alive.)
        try
        {
            return await work.WaitAsync(StatementRunner.AbandonAfter(request.Deadline), cancellationToken);
        }
        catch (TimeoutException) when (!work.IsCompleted)
        {
            // Given up on below.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && !work.IsCompleted)
        {
            _ = work.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }
        await SafeCancellation.CancelAsync(abandon);
        if (rented.Task.IsCompletedSuccessfully)
        {
            var session = rented.Task.Result;
            session.Broken = true;
            _ = Task.Run(() => session.Connection.DisposeAsync().AsTask(), CancellationToken.None);
        }
        _ = work.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return new TimeoutOutcome(Stopwatch.GetElapsedTime(started));
    }

    private async Task<StatementOutcome> RunAsync(string database, string sql, ReadRequest request,
        TaskCompletionSource<PinnedSession> rented, CancellationToken cancellationToken)
    {
        PinnedSession session;
        try
        {
            session = await _pool.RentAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is MySqlException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
        {
            // Disposed: the target was given up after its server was lost, while this statement waited.
            throw new TargetLostException(Name, $"no new connection: {ex.Message}", ex);
        }
        rented.SetResult(session);
        try
        {
            return await _runner.RunAsync(session, database, sql, request, cancellationToken);
        }
        finally
        {
            await _pool.ReturnAsync(session);
        }
    }

    public async Task<IReadOnlyList<ResultColumn>?> DescribeColumnsAsync(FixtureDatabase database, string sql, TimeSpan deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var session = await _pool.RentAsync(cancellationToken);
        IReadOnlyList<(string Type, int Decimals, int CollationId)>? definitions;
        try
        {
            definitions = await _runner.DescribeAsync(session, database.Name, sql, deadline, cancellationToken);
        }
        finally
        {
            await _pool.ReturnAsync(session);
        }
        if (definitions is null)
            return null;
        var columns = new List<ResultColumn>(definitions.Count);
        foreach (var (type, decimals, id) in definitions)
        {
            var collation = await _collations.FindAsync(id, cancellationToken);
            columns.Add(new ResultColumn(type, decimals, collation?.Collation, collation?.CharacterSet));
        }
        return columns;
    }

    public async Task<IReadOnlyList<int>?> CollationClassesAsync(FixtureDatabase database, ResultColumn column, IReadOnlyList<string> values, TimeSpan deadline, CancellationToken cancellationToken)
    {
        if (CollationCatalog.ClassesStatement(column, values) is not { } sql)
            return null;
        var limits = ResultLimits.Default with { TextBudget = long.MaxValue };
        if (await ExecuteAsync(database, sql, new ReadRequest(deadline) { Limits = limits }, cancellationToken) is not RowsOutcome { Result: var result }
            || result.RowCount != values.Count)
            return null;
        var classes = new int[values.Count];
        foreach (var row in result.Rows)
            classes[int.Parse(row.Cells[0]!, CultureInfo.InvariantCulture)] = int.Parse(row.Cells[1]!, CultureInfo.InvariantCulture);
        return classes;
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
