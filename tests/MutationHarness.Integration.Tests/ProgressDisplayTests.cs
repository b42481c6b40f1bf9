using System.Diagnostics;
using MutationHarness.TestSupport;
using MutationHarness.Tests;

namespace MutationHarness.Integration.Tests;

/// <summary>verify's progress: a live bar on a terminal (here a pseudo-terminal from util-linux's script), plain lines when piped.</summary>
public sealed class ProgressDisplayTests
{
    [Fact]
    public async Task On_a_terminal_verify_draws_a_live_bar_with_done_total_rate_and_failures()
    {
        ServerAvailability.RequireMariaDb();
        if (!File.Exists("/usr/bin/script"))
            Assert.Skip("util-linux's script (bsdutils) is needed to give the harness a terminal");
        // Given the corpus run on a pseudo-terminal, the report going to a file
        var report = Path.Combine(Directory.CreateTempSubdirectory("progress").FullName, "report.jsonl");
        var command = $"dotnet '{SharedPaths.HarnessDll}' verify '{RepositoryFiles.BugReports}' --out '{report}' --jobs 2";
        var start = new ProcessStartInfo("/usr/bin/script", ["-qefc", command, "/dev/null"]) { RedirectStandardOutput = true, RedirectStandardInput = true };
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["LANG"] = "C.UTF-8";

        // When it runs
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var screen = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        // Then the terminal saw the bar: done/total, a rate, the failure count, and the closing line
        Assert.True(process.ExitCode == 1, screen);
        Assert.Matches(@"\d+/41 records · \d+/s · ", screen);
        Assert.Contains("not verified", screen, StringComparison.Ordinal);
        Assert.Contains("━", screen, StringComparison.Ordinal);
        Assert.Contains("done: 41 records in", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Piped_verify_prints_plain_lines_without_terminal_codes()
    {
        ServerAvailability.RequireMariaDb();
        var (_, _, error) = await CliTests.RunAsync("", "verify", RepositoryFiles.BugReports, "--jobs", "2");

        Assert.Contains("done: 41 records in", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", error, StringComparison.Ordinal);
    }
}
