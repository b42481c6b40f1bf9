using System.Security.Cryptography;
using MutationHarness.Databases.Execution;
using MySqlConnector;

namespace MutationHarness.Databases.Remote;

/// <summary>Per-run least-privilege accounts on a shared server, named uniquely so concurrent runs never share one.</summary>
internal static class RunAccounts
{
    public const string DatabasePrefix = "mh_";

    public sealed record Created(TargetAccounts Accounts, string ReaderUser, string LoaderUser, string SetupUser);

    /// <summary>Creates the accounts, or returns null when the given account lacks the privilege (the run then uses it).</summary>
    public static async Task<Created?> TryCreateAsync(string adminConnectionString, CancellationToken cancellationToken)
    {
        var suffix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var reader = "mh_r_" + suffix;
        var loader = "mh_l_" + suffix;
        var setup = "mh_s_" + suffix;
        var readerPassword = "Mh" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "7";
        var loaderPassword = "Mh" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "7";
        var setupPassword = "Mh" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "7";
        await using var connection = new MySqlConnection(adminConnectionString);
        await connection.OpenAsync(cancellationToken);
        try
        {
            await connection.RunAsync($"CREATE USER '{reader}'@'%' IDENTIFIED BY '{readerPassword}'", cancellationToken);
            await connection.RunAsync($"CREATE USER '{loader}'@'%' IDENTIFIED BY '{loaderPassword}'", cancellationToken);
            await connection.RunAsync($"GRANT SELECT, EXECUTE ON `mh\\_%`.* TO '{reader}'@'%'", cancellationToken);
            await connection.RunAsync($"GRANT ALL PRIVILEGES ON `mh\\_%`.* TO '{loader}'@'%'", cancellationToken);
            await connection.RunAsync($"CREATE USER '{setup}'@'%' IDENTIFIED BY '{setupPassword}'", cancellationToken);
            await connection.RunAsync($"GRANT SELECT, EXECUTE ON `mhs\\_%`.* TO '{reader}'@'%'", cancellationToken);
            await connection.RunAsync($"GRANT ALL PRIVILEGES ON `mhs\\_%`.* TO '{setup}'@'%'", cancellationToken);
        }
        catch (MySqlException)
        {
            // No CREATE USER or GRANT OPTION: run with the given account (the lead's guard keeps statements read-only).
            await DropUsersAsync(connection, [reader, loader, setup]);
            return null;
        }
        var accounts = new TargetAccounts(
            SessionPinning.Harden(WithUser(adminConnectionString, loader, loaderPassword)),
            SessionPinning.Harden(WithUser(adminConnectionString, reader, readerPassword)),
            DatabasePrefix,
            SessionPinning.Harden(WithUser(adminConnectionString, setup, setupPassword)),
            TargetAccounts.RecordSetupPrefix);
        return new Created(accounts, reader, loader, setup);
    }

    public static async Task DropAsync(string adminConnectionString, Created created, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new MySqlConnection(adminConnectionString);
            await connection.OpenAsync(cancellationToken);
            await DropUsersAsync(connection, [created.ReaderUser, created.LoaderUser, created.SetupUser]);
        }
        catch (MySqlException)
        {
            // The server may be gone already (a stopped container); nothing is left to clean then.
        }
    }

    private static async Task DropUsersAsync(MySqlConnection connection, string[] users)
    {
        foreach (var user in users)
        {
            try
            {
                await connection.RunAsync($"DROP USER IF EXISTS '{user}'@'%'", CancellationToken.None);
            }
            catch (MySqlException)
            {
                // Best effort.
            }
        }
    }

    private static string WithUser(string connectionString, string user, string password) =>
        new MySqlConnectionStringBuilder(connectionString) { UserID = user, Password = password }.ConnectionString;
}
