using System.Text.RegularExpressions;
using MutationHarness.Databases.Quirks;
using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>Prepared XA transactions a setup leaves behind. On MariaDB (10.5 on) a prepared XA transaction outlives its
/// connection and even a restart: it keeps its locks, so the admin's DROP DATABASE of the setup waits for it until
/// innodb_lock_wait_timeout (50 s) and fails, and it stays on the server for good. Those that appeared while a setup
/// ran are rolled back once the setup's connection is gone.</summary>
internal sealed partial class PreparedTransactions(string adminConnectionString, ServerFlavor flavor)
{
    private static readonly TimeSpan ThreadEndWait = TimeSpan.FromSeconds(5);

    /// <summary>The prepared transactions on the server now (as XA RECOVER FORMAT='SQL' names them), or null when they
    /// cannot be listed (another flavour, or an account without the privilege).</summary>
    public async Task<IReadOnlySet<string>?> ListAsync(CancellationToken cancellationToken)
    {
        if (flavor != ServerFlavor.MariaDb)
            return null;
        try
        {
            await using var connection = new MySqlConnection(adminConnectionString);
            await connection.OpenAsync(cancellationToken);
            return await ListAsync(connection, cancellationToken);
        }
        catch (MySqlException)
        {
            return null;
        }
    }

    /// <summary>Rolls back the prepared transactions that appeared since <paramref name="before"/>, once the setup's
    /// thread has ended (until then its own transaction is still attached to it and cannot be rolled back from here).
    /// Those still attached to another live setup are left to that setup's own check. Never throws.</summary>
    public async Task RollBackNewAsync(IReadOnlySet<string>? before, int setupThread)
    {
        if (before is null)
            return;
        try
        {
            using var deadline = new CancellationTokenSource(ThreadEndWait + TimeSpan.FromSeconds(5));
            await using var connection = new MySqlConnection(adminConnectionString);
            await connection.OpenAsync(deadline.Token);
            var left = (await ListAsync(connection, deadline.Token)).Where(xid => !before.Contains(xid)).ToList();
            if (left.Count == 0)
                return;
            await WaitForThreadEndAsync(connection, setupThread, deadline.Token);
            foreach (var xid in left)
            {
                try
                {
                    await connection.RunAsync($"XA ROLLBACK {xid}", deadline.Token);
                }
                catch (MySqlException ex) when (ex.SqlState is not null && !ServerErrors.MeansServerGone((int) ex.ErrorCode))
                {
                    // Attached to another setup that is still running (XAER_NOTA), or rolled back by someone meanwhile.
                }
            }
        }
        catch (Exception e) when (e is MySqlException or OperationCanceledException or IOException)
        {
            // The server is gone or slow: the setup's database is dropped with the rest of the run.
        }
    }

    private static async Task<HashSet<string>> ListAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        var xids = new HashSet<string>(StringComparer.Ordinal);
        await using var command = new MySqlCommand("XA RECOVER FORMAT='SQL'", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // The server writes a name as 'letters and digits', or as hex (X'…',X'…',format id): nothing else is spliced.
            if (reader.GetValue(3)?.ToString() is { } xid && XidLiteral().IsMatch(xid))
                xids.Add(xid);
        }
        return xids;
    }

    private static async Task WaitForThreadEndAsync(MySqlConnection connection, int thread, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < ThreadEndWait)
        {
            await using var command = new MySqlCommand($"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = {thread}", connection);
            if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
                return;
            await Task.Delay(50, cancellationToken);
        }
    }

    [GeneratedRegex("^(?:'[A-Za-z0-9_]*'|X'[0-9A-Fa-f]*'(?:,X'[0-9A-Fa-f]*',[0-9]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex XidLiteral();
}
