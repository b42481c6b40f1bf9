namespace MutationHarness.Databases.Local;

/// <summary>The command lines of a throwaway MariaDB: small, fast to start, reachable only through its socket, nothing kept.</summary>
internal static class LocalServerArguments
{
    // The same InnoDB sizes at install and at start, so the server never resizes its redo log on start.
    private static readonly string[] Storage =
    [
        "--innodb-buffer-pool-size=64M",
        "--innodb-log-file-size=8M",
    ];

    /// <summary>The arguments of mariadb-install-db; <paramref name="dataDirectory"/> as the server sees it.</summary>
    public static IEnumerable<string> InstallArguments(LocalInstallation installation, string dataDirectory)
    {
        yield return "--no-defaults";
        yield return "--datadir=" + dataDirectory;
        yield return "--auth-root-authentication-method=normal";
        yield return "--skip-test-db";
        yield return "--skip-name-resolve";
        if (Environment.IsPrivilegedProcess)
            yield return "--user=root";
        // A minimal root has no resolveip (nor a resolvable host name); --force goes on without them.
        if (installation.Root is not null)
            yield return "--force";
        foreach (var option in Storage)
            yield return option;
    }

    /// <summary>The arguments of mariadbd; the directories as the server sees them.</summary>
    public static IEnumerable<string> ServerArguments(string runDirectory, string dataDirectory)
    {
        yield return "--no-defaults";
        yield return "--datadir=" + dataDirectory;
        if (Environment.IsPrivilegedProcess)
            yield return "--user=root";
        // No TCP at all: the only way in is the socket inside the run directory, which is private to this
        // user (0700), so no other local user can reach the server, whatever its accounts' passwords.
        yield return "--skip-networking";
        yield return "--socket=" + SocketPath(runDirectory);
        yield return "--pid-file=" + Path.Combine(runDirectory, "mysqld.pid");
        yield return "--log-error=" + ErrorLogPath(runDirectory);
        yield return "--tmpdir=" + Path.Combine(runDirectory, "tmp");
        yield return "--secure-file-priv=" + Path.Combine(runDirectory, "tmp");
        yield return "--skip-log-bin";
        yield return "--skip-name-resolve";
        // A setup's CREATE TABLE … DATA DIRECTORY='/anywhere' would otherwise write files outside the data
        // directory, as the server's user; with symbolic links off the server ignores it (warning 1618).
        yield return "--skip-symbolic-links";
        yield return "--character-set-server=utf8mb4";
        yield return "--collation-server=utf8mb4_general_ci";
        yield return "--max-connections=200";
        // Start and stop fast: nothing here needs durability, the data directory is thrown away.
        yield return "--performance-schema=0";
        yield return "--innodb-flush-log-at-trx-commit=0";
        yield return "--innodb-doublewrite=0";
        yield return "--innodb-buffer-pool-load-at-startup=0";
        yield return "--innodb-buffer-pool-dump-at-shutdown=0";
        yield return "--innodb-fast-shutdown=2";
        yield return "--loose-feedback=0";
        foreach (var option in Storage)
            yield return option;
    }

    public static string SocketPath(string runDirectory) => Path.Combine(runDirectory, "mysqld.sock");

    public static string ErrorLogPath(string runDirectory) => Path.Combine(runDirectory, "error.log");

    public static string CommandLine(string program, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(program).Select(a => a.Contains(' ', StringComparison.Ordinal) ? "'" + a + "'" : a));
}
