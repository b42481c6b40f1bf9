using System.Diagnostics;
using MutationHarness.Databases.Local;
using MySqlConnector;

namespace MutationHarness.TestSupport;

/// <summary>Runs a SQL script through the <c>mariadb</c> command-line client against a throwaway server, as root over its
/// socket, the way a person replays a bug report (<c>mariadb &lt; repro.sql</c>).</summary>
public static class MariaDbClient
{
    /// <summary>The client's exit code and what it printed (batch mode without column names: one line per row).</summary>
    public static async Task<(int Exit, string Output, string Error)> RunScriptAsync(LocalMariaDbTarget server, string scriptPath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        var root = new MySqlConnectionStringBuilder(server.RootConnectionString);
        var client = ServerBinaries.Which("mariadb") ?? throw new InvalidOperationException("the mariadb client is not installed");
        var start = new ProcessStartInfo(client) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--no-defaults", "--batch", "--skip-column-names", "--socket=" + root.Server, "--user=" + root.UserID })
            start.ArgumentList.Add(argument);
        start.Environment["MYSQL_PWD"] = root.Password; // not on the command line, where ps would show it
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(await File.ReadAllTextAsync(scriptPath, cancellationToken));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
