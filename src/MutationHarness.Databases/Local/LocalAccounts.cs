using System.Globalization;
using System.Security.Cryptography;
using MutationHarness.Databases.Execution;
using MySqlConnector;

namespace MutationHarness.Databases.Local;

/// <summary>Creates the least-privilege accounts of a throwaway server, once, as root over its Unix socket.</summary>
internal static class LocalAccounts
{
    public const string Reader = "mh_reader";
    public const string Loader = "mh_loader";
    public const string SetupLoader = "mh_setup";
    public const string DatabasePrefix = "mh_";

    public static string RootConnectionString(string socketPath) => new MySqlConnectionStringBuilder
    {
        Server = socketPath,
        ConnectionProtocol = MySqlConnectionProtocol.UnixSocket,
        UserID = "root",
        Pooling = false,
        ConnectionTimeout = 2,
    }.ConnectionString;

    /// <summary>Creates both accounts with fresh random passwords and returns their connection strings.</summary>
    public static async Task<TargetAccounts> CreateAsync(string socketPath, int port, CancellationToken cancellationToken)
    {
        var readerPassword = Password();
        var loaderPassword = Password();
        var setupPassword = Password();
        // `mh\_%` is a database-name pattern: only databases whose names start with "mh_".
        string[] statements =
        [
            $"CREATE USER '{Reader}'@'127.0.0.1' IDENTIFIED BY '{readerPassword}'",
            // EXECUTE too: without it MariaDB answers an unknown function with 1370 (denied) instead of 1305.
            $"GRANT SELECT, EXECUTE ON `mh\\_%`.* TO '{Reader}'@'127.0.0.1'",
            $"CREATE USER '{Loader}'@'127.0.0.1' IDENTIFIED BY '{loaderPassword}'",
            $"GRANT ALL PRIVILEGES ON `mh\\_%`.* TO '{Loader}'@'127.0.0.1'",
            // Records' own setups: their databases only (`mhs\_%` is not matched by `mh\_%`, nor the reverse).
            $"GRANT SELECT, EXECUTE ON `mhs\\_%`.* TO '{Reader}'@'127.0.0.1'",
            $"CREATE USER '{SetupLoader}'@'127.0.0.1' IDENTIFIED BY '{setupPassword}'",
            $"GRANT ALL PRIVILEGES ON `mhs\\_%`.* TO '{SetupLoader}'@'127.0.0.1'",
        ];
        await using (var root = new MySqlConnection(RootConnectionString(socketPath)))
        {
            await root.OpenAsync(cancellationToken);
            foreach (var sql in statements)
                await root.RunAsync(sql, cancellationToken);
        }
        return new TargetAccounts(
            SessionPinning.Harden(Tcp(port, Loader, loaderPassword)),
            SessionPinning.Harden(Tcp(port, Reader, readerPassword)),
            DatabasePrefix,
            SessionPinning.Harden(Tcp(port, SetupLoader, setupPassword)),
            TargetAccounts.RecordSetupPrefix);
    }

    private static string Tcp(int port, string user, string password) => new MySqlConnectionStringBuilder
    {
        Server = "127.0.0.1",
        Port = (uint) port,
        UserID = user,
        Password = password,
        SslMode = MySqlSslMode.None,
    }.ConnectionString;

    private static string Password() =>
        "Mh" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + (RandomNumberGenerator.GetInt32(10)).ToString(CultureInfo.InvariantCulture);
}
