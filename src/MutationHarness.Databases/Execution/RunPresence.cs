using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>A connection that holds this run's named lock on the server for as long as the run lives: a later run
/// sweeps an earlier run's leftovers only when that lock is free, i.e. when no one holds the run any more.</summary>
internal sealed class RunPresence : IAsyncDisposable
{
    private readonly MySqlConnection _connection;

    private RunPresence(MySqlConnection connection, bool held)
    {
        _connection = connection;
        Held = held;
    }

    /// <summary>False when the server has no named locks (the run is then only known by its connected sessions).</summary>
    public bool Held { get; }

    public static async Task<RunPresence> TakeAsync(string admin, RunNames names, CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(admin);
        try
        {
            await connection.OpenAsync(cancellationToken);
            try
            {
                // Idle for the whole run: it must not be closed by the server for that.
                await connection.RunAsync("SET SESSION wait_timeout = 31536000", cancellationToken);
            }
            catch (MySqlException)
            {
                // The server's own limit applies; the run's sessions still show it is alive.
            }
            await using var command = new MySqlCommand($"SELECT GET_LOCK({SessionPinning.Quote(names.LockName)}, 0)", connection);
            bool held;
            try
            {
                held = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture) == 1;
            }
            catch (MySqlException)
            {
                held = false;
            }
            return new RunPresence(connection, held);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync(); // closing the session frees its lock
}
