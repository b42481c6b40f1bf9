using System.Security.Cryptography;
using MutationHarness.Databases.Quirks;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>Creates a run's reader and loader through an account that may create users, the same way on the embedded
/// server (as root) and on a connection string (as the given account).</summary>
internal static class RunAccounts
{
    /// <summary>Creates the accounts, or returns null when the admin account lacks the privilege (nothing is left behind then).</summary>
    public static async Task<TargetAccounts?> TryCreateAsync(string admin, string host, RunNames names, CancellationToken cancellationToken)
    {
        var readerPassword = NewPassword();
        var loaderPassword = NewPassword();
        string[] statements =
        [
            $"CREATE USER {Account(names.Reader, host)} IDENTIFIED BY '{readerPassword}'",
            $"CREATE USER {Account(names.Loader, host)} IDENTIFIED BY '{loaderPassword}'",
            // EXECUTE too: without it MariaDB answers an unknown function with 1370 (denied) instead of 1305.
            $"GRANT SELECT, EXECUTE ON `{RunNames.GrantPattern(names.SharedPrefix)}`.* TO {Account(names.Reader, host)}",
            $"GRANT SELECT, EXECUTE ON `{RunNames.GrantPattern(names.SetupPrefix)}`.* TO {Account(names.Reader, host)}",
            $"GRANT ALL PRIVILEGES ON `{RunNames.GrantPattern(names.SharedPrefix)}`.* TO {Account(names.Loader, host)}",
        ];
        await using var connection = new MySqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        try
        {
            foreach (var sql in statements)
                await connection.RunAsync(sql, cancellationToken);
        }
        catch (MySqlException ex) when (ServerErrors.IsPrivilegeError((int) ex.ErrorCode))
        {
            await DropQuietlyAsync(connection, [names.Reader, names.Loader], host);
            return null;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped halfway (the driver may say so with an OperationCanceledException or a disposed socket): the
            // accounts made so far are not left behind. The stopped connection may be closed: a new one drops them.
            try
            {
                await using var fresh = new MySqlConnection(admin);
                await fresh.OpenAsync(CancellationToken.None);
                await DropQuietlyAsync(fresh, [names.Reader, names.Loader], host);
            }
            catch (MySqlException)
            {
                // The server is gone too: the next run's sweep removes them.
            }
            throw;
        }
        return new TargetAccounts(names,
            SessionPinning.Harden(WithUser(admin, names.Loader, loaderPassword)),
            SessionPinning.Harden(WithUser(admin, names.Reader, readerPassword)),
            admin, host);
    }

    /// <summary>A quoted account name, <c>'user'@'host'</c>.</summary>
    public static string Account(string user, string host) => $"{SessionPinning.Quote(user)}@{SessionPinning.Quote(host)}";

    /// <summary>A random password: letters and digits only, so no client or server ever needs it quoted.</summary>
    public static string NewPassword() => "Mh7_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>The same connection string with another account.</summary>
    public static string WithUser(string connectionString, string user, string password) =>
        new MySqlConnectionStringBuilder(connectionString) { UserID = user, Password = password }.ConnectionString;

    private static async Task DropQuietlyAsync(MySqlConnection connection, string[] users, string host)
    {
        foreach (var user in users)
        {
            try
            {
                await connection.RunAsync($"DROP USER IF EXISTS {Account(user, host)}", CancellationToken.None);
            }
            catch (MySqlException)
            {
                // It was never created, or cannot be dropped by an account that could not create it.
            }
        }
    }
}
