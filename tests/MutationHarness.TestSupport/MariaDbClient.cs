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

    /// <summary>The first cell of a query run as root on the throwaway server, as a number (0 when it is NULL): what a
    /// test counts behind the harness's back (accounts, databases, grants).</summary>
    public static async Task<long> ScalarAsRootAsync(LocalMariaDbTarget server, string sql, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        await using var root = new MySqlConnection(server.RootConnectionString);
        await root.OpenAsync(cancellationToken);
        await using var command = new MySqlCommand(sql, root);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }
}
