using System.Diagnostics;
using System.Text.RegularExpressions;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests.Durable;

/// <summary>A run on a connection-string target that is stopped by SIGINT or SIGTERM drops every database and account
/// it made on the user's server before it exits (issue 9, "on every exit path"); on a second MariaDB this class starts.</summary>
public sealed partial class ConnectionStringStopTests(DurableCorpus corpus, SecondMariaDbFixture server) : IClassFixture<SecondMariaDbFixture>
{
    [Fact]
    public async Task Verify_stopped_by_SIGTERM_drops_what_it_made_on_the_server()
    {
        ServerAvailability.RequireMariaDb();
        var admin = await server.CreateAdminAsync();
        var report = Path.Combine(Directory.CreateTempSubdirectory("mh-stop-").FullName, "report.jsonl");

        // Given verify mid-run on the server, its databases and accounts there
        using var harness = await corpus.StartMidRunAsync(report, [.. DurableCorpus.Options, "--target", admin]);
        var run = await RunIdOnServerAsync(harness);

        // When it gets SIGTERM
        harness.Signal(HarnessProcess.SigTerm);
        var exit = await harness.WaitAsync(TimeSpan.FromMinutes(1));

        // Then it stops as interrupted and nothing carrying its run id is left
        Assert.True(exit == 130, $"exit {exit}: {harness.Error}");
        await AssertNothingLeftAsync(run);
    }

    [Fact]
    public async Task Verify_killed_outright_is_swept_by_the_next_run_which_says_what_it_removed()
    {
        ServerAvailability.RequireMariaDb();
        var admin = await server.CreateAdminAsync();
        var folder = Directory.CreateTempSubdirectory("mh-stop-").FullName;

        // Given verify mid-run on the server, killed with no chance to clean up: its databases and accounts stay
        using var harness = await corpus.StartMidRunAsync(Path.Combine(folder, "killed.jsonl"), [.. DurableCorpus.Options, "--target", admin]);
        var run = await RunIdOnServerAsync(harness);
        harness.Signal(HarnessProcess.SigKill);
        await harness.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotEmpty(await server.ColumnAsync($"SELECT user FROM mysql.user WHERE user LIKE '%{run}%'"));

        // When the next run starts on the server (once the server has closed the killed run's sessions)
        await WaitForSessionsToEndAsync(run);
        var pairs = Path.Combine(folder, "pairs.jsonl");
        await File.WriteAllLinesAsync(pairs, File.ReadLines(corpus.Pairs).Take(3), TestContext.Current.CancellationToken);
        var (exit, _, error) = await CliTests.RunAsync("", "verify", pairs, "--target", admin);

        // Then it says what it removed, naming the killed run's databases and accounts, and none of them is left
        Assert.True(exit is 0 or 1, error);
        Assert.Contains("removed what earlier runs that are no longer connected left behind", error, StringComparison.Ordinal);
        Assert.Contains($"mh_r_{run}@", error, StringComparison.Ordinal);
        Assert.Contains($"mh_{run}_", error, StringComparison.Ordinal);
        await AssertNothingLeftAsync(run);
    }

    [Fact]
    public async Task Generate_stopped_by_SIGINT_drops_what_it_made_on_the_server()
    {
        ServerAvailability.RequireMariaDb();
        var admin = await server.CreateAdminAsync();
        var pairs = Path.Combine(Directory.CreateTempSubdirectory("mh-stop-").FullName, "pairs.jsonl");

        // Given generate (whose signals the command line library handles) mid-run on the server
        using var harness = HarnessProcess.Start("generate", "--per-strategy", "2000", "--target", admin, "--out", pairs);
        var run = await RunIdOnServerAsync(harness);
        await WaitForAsync(harness, () => harness.Error.Contains("… ", StringComparison.Ordinal), "a progress line");

        // When its process group gets SIGINT, as from Ctrl-C
        harness.SignalGroup(HarnessProcess.SigInt);
        var exit = await harness.WaitAsync(TimeSpan.FromMinutes(1));

        // Then it stops, and nothing carrying its run id is left
        Assert.True(exit is 0 or 130, $"exit {exit}: {harness.Error}");
        await AssertNothingLeftAsync(run);
    }

    // The run id of the (only) harness run on the server, once its shared databases exist.
    private async Task<string> RunIdOnServerAsync(HarnessProcess harness)
    {
        string? run = null;
        await WaitForAsync(harness, () =>
        {
            run = server.ColumnAsync("SHOW DATABASES").GetAwaiter().GetResult()
                .Select(d => RunDatabase().Match(d)).Where(m => m.Success).Select(m => m.Groups[1].Value).FirstOrDefault();
            return run is not null;
        }, "the run's databases on the server");
        Assert.NotEmpty(await server.ColumnAsync($"SELECT user FROM mysql.user WHERE user LIKE 'mh\\_%\\_{run}%'"));
        return run!;
    }

    private async Task AssertNothingLeftAsync(string run)
    {
        Assert.DoesNotContain(await server.ColumnAsync("SHOW DATABASES"), d => d.Contains(run, StringComparison.Ordinal));
        Assert.Empty(await server.ColumnAsync($"SELECT user FROM mysql.user WHERE user LIKE '%{run}%'"));
    }

    private async Task WaitForSessionsToEndAsync(string run)
    {
        var clock = Stopwatch.StartNew();
        while ((await server.ColumnAsync($"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER LIKE 'mh\\_%\\_{run}%'"))[0] != "0")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the killed run's sessions did not end");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static async Task WaitForAsync(HarnessProcess harness, Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(harness.HasExited, $"the harness ended before {what}: {harness.Error}");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"no {what} after two minutes: {harness.Error}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    [GeneratedRegex("^mh_([0-9a-f]{8})_")]
    private static partial Regex RunDatabase();
}
