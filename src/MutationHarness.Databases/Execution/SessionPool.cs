using System.Collections.Concurrent;
using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>A fixed number of pinned sessions shared by concurrent statements; a broken one is replaced on demand.</summary>
internal sealed class SessionPool : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _pinStatement;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentBag<PinnedSession> _idle = [];
    private int _disposed;

    public SessionPool(string connectionString, SessionSettings session, int size)
    {
        _connectionString = connectionString;
        _pinStatement = SessionPinning.SetStatement(session);
        _slots = new SemaphoreSlim(size, size);
    }

    public async ValueTask<PinnedSession> RentAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _slots.WaitAsync(cancellationToken);
        if (_idle.TryTake(out var session))
            return session;
        try
        {
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

    private async Task<PinnedSession> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.RunAsync(_pinStatement, cancellationToken);
            return new PinnedSession(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
