using System.Diagnostics;
using MutationHarness.Databases.Quirks;
using MutationHarness.Databases.Targets;
using MySqlConnector;
using MutationHarness.Core.Threading;

namespace MutationHarness.Databases.Execution;

/// <summary>Runs one statement on a pinned session under a deadline the server and the client both enforce.</summary>
internal sealed class StatementRunner(ServerQuirks quirks, string target, SessionWatch watch, string pinStatement)
{
    /// <summary>How long past the deadline (and its grace) the client waits for a server that does not answer at all
    /// before it abandons the statement and closes its connection.</summary>
    public static TimeSpan AbandonAfter(TimeSpan deadline) => deadline + Grace(deadline) + TimeSpan.FromSeconds(1);

    /// <summary>How long after the deadline the client cancels, giving the server's own timeout the first go.</summary>
    public static TimeSpan Grace(TimeSpan deadline) => TimeSpan.FromMilliseconds(Math.Clamp(deadline.TotalMilliseconds / 4, 250, 2000));

    public async Task<StatementOutcome> RunAsync(PinnedSession session, string database, string sql, ReadRequest request, CancellationToken cancellationToken)
    {
        var deadline = request.Deadline;
        var started = Stopwatch.GetTimestamp();
        using var deadlineSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var deadlineTimer = SafeCancellation.CancelAfter(deadlineSource, deadline + Grace(deadline));
        var token = deadlineSource.Token;
        try
        {
            await PrepareAsync(session, database, deadline, token);
            var outcome = await ReadAsync(session, sql, request, started, token);
            return await CheckSessionAsync(session, outcome, token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Our deadline fired: the driver sent KILL QUERY; the session's state is not worth trusting.
            session.Broken = true;
            return new TimeoutOutcome(Stopwatch.GetElapsedTime(started));
        }
        catch (MySqlException ex) when (cancellationToken.IsCancellationRequested)
        {
            session.Broken = true;
            throw new OperationCanceledException("The statement was cancelled.", ex, cancellationToken);
        }
        catch (MySqlException ex)
        {
            var outcome = Classify(session, ex, deadlineSource.IsCancellationRequested, Stopwatch.GetElapsedTime(started));
            return session.Broken ? outcome : await CheckSessionAsync(session, outcome, CancellationToken.None);
        }
    }

    // Defence in depth behind the guard: whatever the statement did, the session it leaves must read as pinned,
    // or its result is not judged (a stored function can set sql_select_limit, time_zone, …).
    private async Task<StatementOutcome> CheckSessionAsync(PinnedSession session, StatementOutcome outcome, CancellationToken cancellationToken)
    {
        if (session.Broken)
            return outcome;
        string? change;
        try
        {
            change = await watch.FindChangeAsync(session.Connection, session.Pinned, cancellationToken);
        }
        catch (MySqlException ex)
        {
            session.Broken = true;
            if (ex.SqlState is null || ServerErrors.MeansServerGone((int) ex.ErrorCode))
                throw new TargetLostException(target, $"error {(int) ex.ErrorCode}: {ex.Message}", ex);
            return new SessionChangedOutcome($"the session could not be read back after the statement: {ex.Message}", outcome.Elapsed);
        }
        if (change is null)
            return outcome;
        session.Broken = true;
        return new SessionChangedOutcome(change, outcome.Elapsed);
    }

    /// <summary>Runs the statement again only to read its column definitions with <c>character_set_results</c> off, the one
    /// way the protocol carries each column's own collation (otherwise every string column reports the session's).
    /// The session is then retired. Null when the statement fails or runs past its deadline.</summary>
    public async Task<IReadOnlyList<(string Type, int Decimals, int CollationId)>?> DescribeAsync(
        PinnedSession session, string database, string sql, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var deadlineSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var deadlineTimer = SafeCancellation.CancelAfter(deadlineSource, deadline + Grace(deadline));
        session.Broken = true;
        try
        {
            await PrepareAsync(session, database, deadline, deadlineSource.Token);
            await session.Connection.RunAsync("SET SESSION character_set_results = NULL", deadlineSource.Token);
            await using var command = new MySqlCommand(sql, session.Connection);
            await using var reader = await command.ExecuteReaderAsync(deadlineSource.Token);
            var columns = ColumnDefinitionAccess.Read(reader);
            command.Cancel();
            return columns;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
        catch (MySqlException)
        {
            return null;
        }
    }

    private static async Task<StatementOutcome> ReadAsync(PinnedSession session, string sql, ReadRequest request, long started, CancellationToken token)
    {
        TooLargeOutcome? tooLarge = null;
        try
        {
            await using var command = new MySqlCommand(sql, session.Connection);
            await using var reader = await command.ExecuteReaderAsync(token);
            // Errors can arrive while rows are read (e.g. 1242 on the second row): the caller handles them.
            var read = await ResultReader.ReadAsync(reader, request, token);
            if (read.Exceeded is not { } limit)
                return new RowsOutcome(read.Result, Stopwatch.GetElapsedTime(started));
            // Past a limit: stop the statement on the server (KILL QUERY) rather than stream the rest, and let the
            // next statement have a fresh session.
            tooLarge = new TooLargeOutcome(read.Result.RowCount, read.Result.Bytes, limit, Stopwatch.GetElapsedTime(started));
            session.Broken = true;
            command.Cancel();
            return tooLarge;
        }
        catch (MySqlException) when (tooLarge is not null)
        {
            // The stopped statement's interruption arrives while the reader closes.
            return tooLarge;
        }
    }

    private StatementOutcome Classify(PinnedSession session, MySqlException ex, bool deadlinePassed, TimeSpan elapsed)
    {
        var number = (int) ex.ErrorCode;
        if (deadlinePassed)
            session.Broken = true;
        if (quirks.IsTimeout(number) || (number == ServerErrors.QueryInterrupted && deadlinePassed) || ex.ErrorCode == MySqlErrorCode.CommandTimeoutExpired)
            return new TimeoutOutcome(elapsed);
        // A server error packet carries a SQLSTATE; a client-side failure (lost connection) does not, and neither
        // it nor a server shutting down says anything about the statement: the record runs again elsewhere.
        if (ex.SqlState is null || ServerErrors.MeansServerGone(number))
        {
            session.Broken = true;
            throw new TargetLostException(target, $"error {number}: {ex.Message}", ex);
        }
        return new ServerErrorOutcome(number, ex.SqlState, ex.Message, elapsed);
    }

    private async Task PrepareAsync(PinnedSession session, string database, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var assignment = session.ServerDeadline == deadline ? null : quirks.DeadlineAssignment(deadline);
        if (session.Database != database)
        {
            await session.Connection.ChangeDatabaseAsync(database, cancellationToken);
            session.Database = database;
        }
        if (session.NeedsPin)
        {
            await session.Connection.RunAsync(assignment is null ? pinStatement : pinStatement + ", " + assignment, cancellationToken);
            session.NeedsPin = false;
        }
        else if (assignment is not null)
        {
            await session.Connection.RunAsync("SET SESSION " + assignment, cancellationToken);
        }
        session.ServerDeadline = deadline;
    }
}
