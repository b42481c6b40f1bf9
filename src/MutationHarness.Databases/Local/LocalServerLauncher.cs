using System.Diagnostics;
using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Databases.Local;

/// <summary>Starts the server on its private socket and waits until it accepts connections.</summary>
internal static class LocalServerLauncher
{
    public static async Task<ServerProcess> LaunchAsync(ServerBinaries binaries, string runDirectory, string dataDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var arguments = LocalServerArguments.ServerArguments(runDirectory, dataDirectory).ToList();
        var process = await ServerProcess.StartAsync(binaries.Server, arguments, runDirectory, cancellationToken);
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

        await process.DisposeAsync();
        var reason = process.HasExited ? $"mariadbd exited with code {process.ExitCode} before it was ready" : $"mariadbd was not ready within {timeout.TotalSeconds:0} s";
        throw new TargetStartException("local:mariadb", reason + ".", process.CommandLine, LogTail.OfFile(LocalServerArguments.ErrorLogPath(runDirectory)));
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
