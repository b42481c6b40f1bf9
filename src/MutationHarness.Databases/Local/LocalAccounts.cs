using MutationHarness.Databases.Execution;
using MySqlConnector;

namespace MutationHarness.Databases.Local;

/// <summary>Locks root and creates the least-privilege accounts of a throwaway server, once, over its private socket.</summary>
internal static class LocalAccounts
{
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

    /// <summary>Gives root a random password (kept in memory only), drops root's other host entries, and creates the
    /// run's accounts as root; returns their connection strings and root's.</summary>
    public static async Task<(TargetAccounts Accounts, string Root)> CreateAsync(string socketPath, CancellationToken cancellationToken)
    {
        var rootPassword = RunAccounts.NewPassword();
        await using (var root = new MySqlConnection(SocketConnectionString(socketPath, "root", "")))
        {
            await root.OpenAsync(cancellationToken);
            await LockRootAsync(root, rootPassword, cancellationToken);
        }
        var admin = SocketConnectionString(socketPath, "root", rootPassword);
        var accounts = await RunAccounts.TryCreateAsync(SessionPinning.Harden(admin), "localhost", RunNames.New(), cancellationToken)
            ?? throw new InvalidOperationException("root could not create the run's accounts on the embedded server.");
        return (accounts, admin);
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
}
