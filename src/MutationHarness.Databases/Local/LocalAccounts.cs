using System.Security.Cryptography;
using MutationHarness.Databases.Execution;
using MySqlConnector;

namespace MutationHarness.Databases.Local;

/// <summary>Locks root and creates the least-privilege accounts of a throwaway server, once, over its private socket.</summary>
internal static class LocalAccounts
{
    public const string Reader = "mh_reader";
    public const string Loader = "mh_loader";
    public const string SetupLoader = "mh_setup";
    public const string DatabasePrefix = "mh_";

    /// <summary>A connection over the server's Unix socket (the only way in: the server has no TCP port).</summary>
    public static string SocketConnectionString(string socketPath, string user, string password) => new MySqlConnectionStringBuilder
    {
        Server = socketPath,
        ConnectionProtocol = MySqlConnectionProtocol.UnixSocket,
        UserID = user,
        Password = password,
        Pooling = false,
        ConnectionTimeout = 5,
        SslMode = MySqlSslMode.None,
    }.ConnectionString;

    /// <summary>Gives root a random password (kept in memory only), drops root's other host entries, creates the
    /// accounts with fresh random passwords, and returns their connection strings and root's.</summary>
    public static async Task<(TargetAccounts Accounts, string Root)> CreateAsync(string socketPath, CancellationToken cancellationToken)
    {
        var rootPassword = Password();
        var readerPassword = Password();
        var loaderPassword = Password();
        var setupPassword = Password();
        // `mh\_%` is a database-name pattern: only databases whose names start with "mh_".
        string[] statements =
        [
            $"CREATE USER '{Reader}'@'localhost' IDENTIFIED BY '{readerPassword}'",
            // EXECUTE too: without it MariaDB answers an unknown function with 1370 (denied) instead of 1305.
            $"GRANT SELECT, EXECUTE ON `mh\\_%`.* TO '{Reader}'@'localhost'",
            $"CREATE USER '{Loader}'@'localhost' IDENTIFIED BY '{loaderPassword}'",
            $"GRANT ALL PRIVILEGES ON `mh\\_%`.* TO '{Loader}'@'localhost'",
            // Records' own setups: their databases only (`mhs\_%` is not matched by `mh\_%`, nor the reverse).
            $"GRANT SELECT, EXECUTE ON `mhs\\_%`.* TO '{Reader}'@'localhost'",
            $"CREATE USER '{SetupLoader}'@'localhost' IDENTIFIED BY '{setupPassword}'",
            $"GRANT ALL PRIVILEGES ON `mhs\\_%`.* TO '{SetupLoader}'@'localhost'",
        ];
        await using (var root = new MySqlConnection(SocketConnectionString(socketPath, "root", "")))
        {
            await root.OpenAsync(cancellationToken);
            await LockRootAsync(root, rootPassword, cancellationToken);
            foreach (var sql in statements)
                await root.RunAsync(sql, cancellationToken);
        }
        var accounts = new TargetAccounts(
            SessionPinning.Harden(SocketConnectionString(socketPath, Loader, loaderPassword)),
            SessionPinning.Harden(SocketConnectionString(socketPath, Reader, readerPassword)),
            DatabasePrefix,
            SessionPinning.Harden(SocketConnectionString(socketPath, SetupLoader, setupPassword)),
            TargetAccounts.RecordSetupPrefix);
        return (accounts, SocketConnectionString(socketPath, "root", rootPassword));
    }

    // mariadb-install-db leaves root without a password at localhost, the host name, 127.0.0.1 and ::1. Only
    // root@localhost (the socket) is kept, and it gets a password no file holds.
    private static async Task LockRootAsync(MySqlConnection root, string password, CancellationToken cancellationToken)
    {
        var others = new List<string>();
        await using (var command = new MySqlCommand("SELECT host FROM mysql.user WHERE user = 'root' AND host <> 'localhost'", root))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
                others.Add(reader.GetString(0));
        }
        foreach (var host in others)
            await root.RunAsync($"DROP USER 'root'@{SessionPinning.Quote(host)}", cancellationToken);
        await root.RunAsync($"ALTER USER 'root'@'localhost' IDENTIFIED BY '{password}'", cancellationToken);
    }

    private static string Password() => "Mh" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
