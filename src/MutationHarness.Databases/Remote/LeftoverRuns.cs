using Dapper;
using MutationHarness.Databases.Execution;
using MySqlConnector;

namespace MutationHarness.Databases.Remote;

/// <summary>Finds what earlier runs of this harness left on a server (a killed run cannot clean up) and drops it,
/// but only for runs that are no longer connected: their named lock is free and none of their accounts has a session.</summary>
internal static class LeftoverRuns
{
    /// <summary>Drops the objects of every dead run but this one; returns what was removed, and why nothing could be, if so.</summary>
    public static async Task<(IReadOnlyList<string> Removed, string? Problem)> SweepAsync(string admin, string ownRunId, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        var runs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var database in await connection.QueryAsync<string>(new CommandDefinition("SHOW DATABASES", cancellationToken: cancellationToken)))
            Add(runs, RunNames.RunIdOfDatabase(database));
        try
        {
            foreach (var user in await connection.QueryAsync<string>(new CommandDefinition("SELECT user FROM mysql.user", cancellationToken: cancellationToken)))
                Add(runs, RunNames.RunIdOfAccount(user));
        }
        catch (MySqlException)
        {
            // Accounts cannot be listed; databases still can.
        }
        runs.Remove(ownRunId);
        var removed = new List<string>();
        foreach (var run in runs.Order(StringComparer.Ordinal))
        {
            bool alive;
            try
            {
                alive = await IsAliveAsync(connection, run, cancellationToken);
            }
            catch (MySqlException ex)
            {
                return (removed, $"earlier runs' leftovers were not swept: the server cannot tell whether they still run ({ex.Message})");
            }
            if (!alive)
                removed.AddRange(await RunCleanup.DropAsync(connection, run, [], cancellationToken));
        }
        return (removed, null);
    }

    private static async Task<bool> IsAliveAsync(MySqlConnection connection, string run, CancellationToken cancellationToken)
    {
        var holder = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            $"SELECT IS_USED_LOCK({SessionPinning.Quote(new RunNames(run).LockName)})", cancellationToken: cancellationToken));
        if (holder is not null)
            return true;
        // Other users' sessions are visible with PROCESS; without it this finds none and the lock decides alone.
        var sessions = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER LIKE @pattern",
            new { pattern = $"mh\\_%\\_{run}%" }, cancellationToken: cancellationToken));
        return sessions > 0;
    }

    private static void Add(HashSet<string> runs, string? run)
    {
        if (run is not null)
            runs.Add(run);
    }
}
