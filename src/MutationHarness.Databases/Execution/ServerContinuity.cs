using MutationHarness.Databases.Quirks;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>Tells a lost connection from a lost server. Input can end its own connection (a setup's
/// <c>KILL CONNECTION_ID()</c>, a statement over <c>max_allowed_packet</c>, which the server answers by hanging up),
/// so a lost connection alone says nothing about the server: it is asked whether it is still the one that was up
/// when the work began.</summary>
internal sealed class ServerContinuity(string connectionString)
{
    private static readonly TimeSpan ProbeDeadline = TimeSpan.FromSeconds(5);
    private readonly string _connectionString = new MySqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>True when the server answers now and has been up for at least <paramref name="elapsed"/>, the time
    /// since the work that lost its connection began; false when it does not answer or started again since.</summary>
    public async Task<bool> StayedUpAsync(TimeSpan elapsed)
    {
        using var deadline = new CancellationTokenSource(ProbeDeadline);
        try
        {
            await using var connection = new MySqlConnection(_connectionString);
            await connection.OpenAsync(deadline.Token);
            return await UptimeAsync(connection, deadline.Token) is not { } uptime
                || uptime >= (long) elapsed.TotalSeconds; // whole seconds: up since before the work began shows at least as many
        }
        catch (Exception e) when (e is MySqlException or IOException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    // Null when the server will not say (it answered, and that is all that is known).
    private static async Task<long?> UptimeAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var command = new MySqlCommand("SHOW GLOBAL STATUS LIKE 'Uptime'", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) && long.TryParse(reader.GetValue(1)?.ToString(), out var uptime) ? uptime : null;
        }
        catch (MySqlException ex) when (ex.SqlState is not null && !ServerErrors.MeansServerGone((int) ex.ErrorCode))
        {
            return null;
        }
    }
}
