using System.Collections.Concurrent;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>A fixed number of pinned sessions shared by concurrent statements. A session that ran a statement is reset
/// (the driver's connection reset: variables, user variables, temporary tables, locks) and pinned again before its
/// next use; a broken one is replaced on demand.</summary>
internal sealed class SessionPool : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _pinStatement;
    private readonly SessionWatch _watch;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<PinnedSession> _idle = [];
    private int _disposed;

    public SessionPool(string connectionString, string pinStatement, SessionWatch watch, int size)
    {
        _connectionString = connectionString;
        _pinStatement = pinStatement;
        _watch = watch;
        _slots = new SemaphoreSlim(size, size);
    }

    public async ValueTask<PinnedSession> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            while (_idle.TryTake(out var session))
            {
                if (await TryRepinAsync(session, cancellationToken))
                    return session;
            }
            return await OpenAsync(cancellationToken);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public async ValueTask ReturnAsync(PinnedSession session)
    {
        try
        {
            session.Used = true;
            if (session.Broken || Volatile.Read(ref _disposed) != 0)
                await session.DisposeAsync();
            else
                _idle.Add(session);
        }
        finally
        {
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        while (_idle.TryTake(out var session))
            await session.DisposeAsync();
    }

    // The reset keeps the current database and drops everything else back to the server's defaults, the deadline too;
    // the runner pins the session again together with the next statement's deadline.
    private async Task<bool> TryRepinAsync(PinnedSession session, CancellationToken cancellationToken)
    {
        if (!session.Used)
            return true;
        try
        {
            await session.Connection.ResetConnectionAsync(cancellationToken);
            (session.ServerDeadline, session.Used, session.NeedsPin) = (null, false, true);
            return true;
        }
        catch (MySqlException)
        {
            await session.DisposeAsync();
            return false;
        }
    }

    private async Task<PinnedSession> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.RunAsync(_pinStatement, cancellationToken);
            return new PinnedSession(connection, await _watch.ReadAsync(connection, cancellationToken));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
