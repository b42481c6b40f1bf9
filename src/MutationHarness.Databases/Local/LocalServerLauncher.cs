using System.Diagnostics;
using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Databases.Local;

/// <summary>Starts the server on a free port and waits until it accepts connections, retrying when the port was taken meanwhile.</summary>
internal static class LocalServerLauncher
{
    private const int Attempts = 3;

    public static async Task<(ServerProcess Process, int Port)> LaunchAsync(ServerBinaries binaries, string runDirectory, string dataDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Find();
            var arguments = LocalServerArguments.ServerArguments(runDirectory, dataDirectory, port).ToList();
            var process = await ServerProcess.StartAsync(binaries.Server, arguments, runDirectory, cancellationToken);
            try
            {
                if (await WaitReadyAsync(process, runDirectory, timeout, cancellationToken))
                    return (process, port);
            }
            catch
            {
                await process.DisposeAsync();
                throw;
            }

            await process.DisposeAsync();
            var log = LogTail.OfFile(LocalServerArguments.ErrorLogPath(runDirectory));
            // The port was free when we looked; another process may have bound it since. Try another.
            var portTaken = log.Contains("Address already in use", StringComparison.Ordinal) || log.Contains("errno: 98", StringComparison.Ordinal);
            if (!portTaken || attempt == Attempts)
            {
                var reason = process.HasExited ? $"mariadbd exited with code {process.ExitCode} before it was ready" : $"mariadbd was not ready within {timeout.TotalSeconds:0} s";
                throw new TargetStartException("local:mariadb", reason + ".", process.CommandLine, log);
            }
        }
    }

    private static async Task<bool> WaitReadyAsync(ServerProcess process, string runDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var connectionString = LocalAccounts.RootConnectionString(LocalServerArguments.SocketPath(runDirectory));
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
