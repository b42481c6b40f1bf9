using System.Diagnostics;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Databases.Local;

/// <summary>The server binaries found on this machine for one flavour, and the version they report.</summary>
internal sealed record ServerBinaries(ServerFlavor Flavor, string Server, string? InstallDb, string Version)
{
    // Debian keeps server binaries in sbin, which a non-root PATH often lacks.
    private static readonly string[] ExtraDirectories = ["/usr/sbin", "/usr/local/sbin", "/usr/local/mysql/bin", "/opt/homebrew/bin", "/usr/local/bin"];

    public static async Task<ServerBinaries> FindAsync(ServerFlavor flavor, CancellationToken cancellationToken)
    {
        var target = "local:" + TargetSpec.FlavorName(flavor);
        switch (flavor)
        {
            case ServerFlavor.MariaDb:
            {
                var server = Which("mariadbd") ?? Which("mysqld")
                    ?? throw new TargetStartException(target, "the MariaDB server binary 'mariadbd' is not installed. Install it (Debian/Ubuntu: 'sudo apt-get install mariadb-server'; macOS: 'brew install mariadb'), or use container:mariadb or a connection string.");
                var installDb = Which("mariadb-install-db") ?? Which("mysql_install_db")
                    ?? throw new TargetStartException(target, "'mariadb-install-db' is not installed; it comes with the MariaDB server package (Debian/Ubuntu: 'sudo apt-get install mariadb-server').");
                var version = await VersionAsync(server, cancellationToken);
                if (!version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase))
                    throw new TargetStartException(target, $"'{server}' is not MariaDB ({version}).");
                return new(flavor, server, installDb, version);
            }
            case ServerFlavor.MySql:
            {
                var server = Which("mysqld")
                    ?? throw new TargetStartException(target, "the MySQL server binary 'mysqld' is not on PATH. Install MySQL Community Server 8.0 (https://dev.mysql.com/downloads/mysql/), or use container:mysql or a connection string.");
                var version = await VersionAsync(server, cancellationToken);
                if (version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase))
                    throw new TargetStartException(target, $"'{server}' is MariaDB, not MySQL ({version}). Install MySQL Community Server 8.0, or use local:mariadb, container:mysql or a connection string.");
                throw new TargetStartException(target, $"found MySQL at '{server}' ({version}), but starting a local MySQL is not supported yet; use container:mysql or a connection string.");
            }
            case ServerFlavor.TiDb:
            {
                var server = Which("tidb-server")
                    ?? throw new TargetStartException(target, "the TiDB binary 'tidb-server' is not on PATH. Install it with TiUP (https://docs.pingcap.com/tidb/stable/tiup-overview), or use container:tidb or a connection string.");
                throw new TargetStartException(target, $"found TiDB at '{server}', but starting a local TiDB is not supported yet; use container:tidb or a connection string.");
            }
            default:
                throw new TargetStartException(target, "only mariadb, mysql and tidb can run locally.");
        }
    }

    /// <summary>The server programs of a provisioned root, as paths the server sees under chroot.</summary>
    public static async Task<ServerBinaries> InRootAsync(string root, CancellationToken cancellationToken)
    {
        const string server = "/usr/sbin/mariadbd", installDb = "/usr/bin/mariadb-install-db";
        foreach (var program in new[] { server, installDb })
        {
            if (!File.Exists(root + program))
                throw new TargetStartException(root, $"the provisioned root has no {program}; remove it ('harness servers remove') and provision it again.");
        }
        return new(ServerFlavor.MariaDb, server, installDb, await VersionAsync(Versions.ServerRoots.Chroot, [root, server], cancellationToken));
    }

    internal static string? Which(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Concat(ExtraDirectories))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static Task<string> VersionAsync(string server, CancellationToken cancellationToken) => VersionAsync(server, [], cancellationToken);

    private static async Task<string> VersionAsync(string program, IEnumerable<string> leading, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in leading.Append("--version"))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new TargetStartException(program, "the binary could not be run.");
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        // "mariadbd  Ver 10.11.19-MariaDB-0+deb12u1 for debian-linux-gnu on x86_64 (Debian 12)"
        var words = output.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ver = Array.IndexOf(words, "Ver");
        return ver >= 0 && ver + 1 < words.Length ? words[ver + 1] : output.Trim();
    }
}
