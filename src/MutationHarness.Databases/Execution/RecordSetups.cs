using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Quirks;
using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>Runs each record's own setup as an account made for it alone, in a database of its own, under its budget
/// of time, rows and bytes, and drops both afterwards. Setups are input: nothing they do may reach another record.</summary>
internal sealed class RecordSetups
{
    // What a setup may do in its own database, and nowhere else: no routines, triggers or events (code that would
    // run later as someone else), no EXECUTE, no FILE, no global privilege (KILL, PROCESS, CREATE USER, SUPER).
    private const string SetupPrivileges = "SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, INDEX, ALTER, CREATE VIEW, SHOW VIEW, LOCK TABLES, REFERENCES";

    // The admin's own statements (kill, drop) on a server that answers nothing (frozen) would wait for ever.
    private static readonly TimeSpan Housekeeping = TimeSpan.FromSeconds(10);
    private readonly TargetAccounts _accounts;
    private readonly SessionSettings _session;
    private readonly string _owner;
    private readonly SetupSizeProbe _probe;
    private readonly ServerContinuity _continuity;
    private readonly PreparedTransactions _prepared;
    private int _counter;

    public RecordSetups(TargetAccounts accounts, SessionSettings session, ServerFlavor flavor)
    {
        _accounts = accounts;
        _session = session;
        // Our own statements only, so the driver's pool is safe here (and saves a login per setup).
        _owner = new MySqlConnectionStringBuilder(accounts.Admin ?? accounts.Loader) { Pooling = true, ConnectionReset = true }.ConnectionString;
        _probe = new SetupSizeProbe(_owner, flavor);
        _continuity = new ServerContinuity(_owner);
        _prepared = new PreparedTransactions(_owner, flavor);
    }

    public async Task<FixtureDatabase> LoadAsync(FixtureScript script, CancellationToken cancellationToken)
    {
        var budget = script.Budget ?? throw new ArgumentException("A record setup needs a budget.", nameof(script));
        var n = Interlocked.Increment(ref _counter);
        var database = _accounts.Names.SetupDatabase(n);
        IReadOnlySet<string>? prepared = null;
        var runAs = "";
        await BoundedAsync(async token => (prepared, runAs) = (await _prepared.ListAsync(token), await CreateAsync(n, database, token)), cancellationToken);
        var thread = -1;
        try
        {
            await using var connection = new MySqlConnection(SessionPinning.Harden(runAs, database));
            await BoundedAsync(async token =>
            {
                await connection.OpenAsync(token);
                await connection.RunAsync(SessionPinning.SetStatement(_session), token);
            }, cancellationToken);
            thread = connection.ServerThread;
            await using var watch = new SetupWatch(connection.ServerThread, database, budget, _probe, KillAsync, cancellationToken);
            for (var i = 0; i < script.Statements.Count; i++)
                await RunAsync(connection, watch, script, i, script.Statements[i], cancellationToken);
            await EndTransactionAsync(connection, watch, script, cancellationToken);
            string? reason = null;
            await BoundedAsync(async token => reason = await watch.FinalReasonAsync(token), cancellationToken);
            if (reason is not null)
                throw new SetupBudgetException(script.Name, script.Statements.Count - 1, script.Statements[^1], reason);
        }
        catch
        {
            // The setup's connection is closed by now; a prepared XA transaction it left would block the drop.
            await _prepared.RollBackNewAsync(prepared, thread);
            await DropQuietlyAsync(database);
            throw;
        }
        return new FixtureDatabase(database, script.Name);
    }

    public async Task DropAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(_owner);
        await connection.OpenAsync(cancellationToken);
        await connection.RunAsync($"DROP DATABASE IF EXISTS `{database}`", cancellationToken);
        if (_accounts.IsolatesSetups && _accounts.Names.SetupAccountOf(database) is { } user)
            await connection.RunAsync($"DROP USER IF EXISTS {RunAccounts.Account(user, _accounts.AccountHost)}", cancellationToken);
    }

    // What a setup leaves uncommitted is rolled back, as closing its connection would do; an XA transaction cannot be
    // (and a prepared one would outlive the connection, holding its locks): the setup must commit its data.
    private async Task EndTransactionAsync(MySqlConnection connection, SetupWatch watch, FixtureScript script, CancellationToken cancellationToken)
    {
        var last = script.Statements.Count - 1;
        try
        {
            await RunAsync(connection, watch, script, last, "ROLLBACK", cancellationToken);
        }
        catch (FixtureLoadException e) when (e.ErrorNumber == ServerErrors.XaTransactionState)
        {
            throw new FixtureLoadException(script.Name, last, script.Statements[last], e.ErrorNumber, e.SqlState,
                "the setup left an XA transaction open (a prepared one would outlive its connection): a setup must commit its data");
        }
        catch (SetupBudgetException e)
        {
            // Stopped while its last statement's work was rolled back: the report names that statement, not ours.
            throw new SetupBudgetException(script.Name, last, script.Statements[last], e.Reason, e);
        }
    }

    private async Task RunAsync(MySqlConnection connection, SetupWatch watch, FixtureScript script, int index, string statement, CancellationToken cancellationToken)
    {
        try
        {
            await RunWatchedAsync(connection, statement, watch);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && watch.Reason is { } reason)
        {
            // Stopped at its budget: whatever the cut connection threw (a server error, a cancel, a broken pipe).
            throw new SetupBudgetException(script.Name, index, statement, reason, e);
        }
        catch (MySqlException ex) when (ex.SqlState is { } sqlState && !ServerErrors.MeansServerGone((int) ex.ErrorCode))
        {
            throw new FixtureLoadException(script.Name, index, statement, (int) ex.ErrorCode, sqlState, ex.Message, ex);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is MySqlException or IOException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            // The setup's connection went away. A setup may kill its own connection (any account may end its own
            // threads), so ask the server: up since before the setup began, it is the record's doing; gone or
            // started again since, it is the server's.
            if (!await _continuity.StayedUpAsync(watch.Elapsed))
                throw;
            var number = e is MySqlException { SqlState: not null } mysql ? (int) mysql.ErrorCode : ServerErrors.ConnectionLost;
            // No inner exception: a lost connection inside would read as a lost server further up.
            throw new FixtureLoadException(script.Name, index, statement, number, "HY000",
                $"the setup lost its own connection while the server stayed up ({e.Message})");
        }
    }

    // The harness's own steps around a setup (its database and account, its connection, its final measure) are
    // bounded too: a server that answers none of them within the time is lost, not slow, and is replaced.
    private static async Task BoundedAsync(Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Housekeeping);
        var work = step(deadline.Token);
        if (await Task.WhenAny(work, Task.Delay(Housekeeping + Housekeeping, CancellationToken.None)) == work)
        {
            try
            {
                await work;
                return;
            }
            catch (Exception e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                && e is OperationCanceledException or MySqlException)
            {
                throw new TargetLostException("the server", $"it answered nothing for {Housekeeping.TotalSeconds:0} s around a record's setup", e);
            }
        }
        _ = work.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        throw new TargetLostException("the server", $"it answered nothing for {(Housekeeping + Housekeeping).TotalSeconds:0} s around a record's setup");
    }

    // A server that answers nothing (frozen) answers neither the statement, nor the admin's kill, nor the driver's
    // cancel: a little past the watch's backstop the client gives the connection up, so that a setup holds its record
    // (and the run) no longer than its budget and that.
    private static async Task RunWatchedAsync(MySqlConnection connection, string statement, SetupWatch watch)
    {
        var work = connection.RunAsync(statement, watch.Token, timeoutSeconds: 0);
        if (await Task.WhenAny(work, watch.GivingUp) == work)
        {
            await work;
            return;
        }
        _ = work.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        throw new TimeoutException("the server answered neither the setup's statement nor its stop");
    }

    /// <summary>Creates the setup's database, and when the target isolates setups, its account; returns whom the setup runs as.</summary>
    private async Task<string> CreateAsync(int n, string database, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(_owner);
        await connection.OpenAsync(cancellationToken);
        await connection.RunAsync($"CREATE DATABASE `{database}` CHARACTER SET {_session.CharacterSet} COLLATE {_session.Collation}", cancellationToken);
        if (!_accounts.IsolatesSetups)
            return _accounts.Loader;
        var account = RunAccounts.Account(_accounts.Names.SetupAccount(n), _accounts.AccountHost);
        var password = RunAccounts.NewPassword();
        try
        {
            await connection.RunAsync($"CREATE USER {account} IDENTIFIED BY '{password}'", cancellationToken);
            await connection.RunAsync($"GRANT {SetupPrivileges} ON `{RunNames.GrantName(database)}`.* TO {account}", cancellationToken);
        }
        catch
        {
            await DropQuietlyAsync(database);
            throw;
        }
        return RunAccounts.WithUser(_accounts.Loader, _accounts.Names.SetupAccount(n), password);
    }

    // Stops a setup's connection: as the admin, whatever the setup did to its own account (a changed password would
    // also stop the driver's own KILL QUERY, which logs in as that account); unisolated, the driver cancels it.
    private async Task<bool> KillAsync(int threadId)
    {
        if (!_accounts.IsolatesSetups)
            return false;
        try
        {
            using var deadline = new CancellationTokenSource(Housekeeping);
            await using var connection = new MySqlConnection(_owner);
            await connection.OpenAsync(deadline.Token);
            await connection.RunAsync($"KILL CONNECTION {threadId}", deadline.Token);
        }
        catch (Exception e) when (e is MySqlException or OperationCanceledException)
        {
            // It ended on its own meanwhile, or the server does not answer (the setup's statement is given up then).
        }
        return true;
    }

    private async Task DropQuietlyAsync(string database)
    {
        try
        {
            using var deadline = new CancellationTokenSource(Housekeeping);
            await DropAsync(database, deadline.Token);
        }
        catch (Exception e) when (e is MySqlException or OperationCanceledException)
        {
            // The setup's own error is the one worth reporting; the run's cleanup drops what is left.
        }
    }
}
