using System.Diagnostics;
using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Databases.Local;

/// <summary>Starts the server on its private socket and waits until it accepts connections.</summary>
internal static class LocalServerLauncher
{
    public static async Task<ServerProcess> LaunchAsync(LocalInstallation installation, string runDirectory, string dataDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!RunDirectories.SocketFits(runDirectory))
            throw new TargetStartException(installation.TargetName, $"the server's socket path ({LocalServerArguments.SocketPath(runDirectory)}) is too long for a Unix socket; " +
                $"move the directory it lives in somewhere shorter (TMPDIR, or {Versions.ServerRoots.DirectoryVariable} for provisioned versions).");
        var (program, arguments) = installation.Command(installation.Binaries.Server,
            LocalServerArguments.ServerArguments(installation.Inside(runDirectory), installation.Inside(dataDirectory)));
        var process = await ServerProcess.StartAsync(program, arguments, runDirectory, cancellationToken);
        try
        {
            if (await WaitReadyAsync(process, runDirectory, timeout, cancellationToken))
                return process;
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        // Read before the process is disposed, which forgets it.
        var reason = process.HasExited ? $"mariadbd exited with code {process.ExitCode} before it was ready" : $"mariadbd was not ready within {timeout.TotalSeconds:0} s";
        await process.DisposeAsync();
        throw new TargetStartException(installation.TargetName, reason + ".", process.CommandLine, LogTail.OfFile(LocalServerArguments.ErrorLogPath(runDirectory)));
    }

    private static async Task<bool> WaitReadyAsync(ServerProcess process, string runDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        // Root has no password yet: only this user can reach the socket (its directory is 0700), and
        // LocalAccounts gives root a random one before anything else happens.
        var connectionString = LocalAccounts.SocketConnectionString(LocalServerArguments.SocketPath(runDirectory), "root", "");
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
                return false;
            if (File.Exists(LocalServerArguments.SocketPath(runDirectory)))
            {
                try
                {
                    await using var connection = new MySqlConnection(connectionString);
                    await connection.OpenAsync(cancellationToken);
                    return true;
                }
                catch (MySqlException)
                {
                    // Not accepting connections yet.
                }
            }
            await Task.Delay(20, cancellationToken);
        }
        return false;
    }
}
