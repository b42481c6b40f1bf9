using System.Text.Json;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests.Durable;

/// <summary>A server killed or frozen mid-run never turns into a wrong verdict: a killed embedded server is replaced and
/// the records that were on it run again; a frozen one makes its statements time out on the client.</summary>
public sealed class ServerFaultTests(DurableCorpus corpus)
{
    private string Report(string name) => Path.Combine(corpus.Folder, name);

    [Fact]
    public async Task A_killed_embedded_server_is_replaced_and_the_report_is_the_undisturbed_one()
    {
        ServerAvailability.RequireMariaDb();
        string report;

        // Given a run in progress, when its MariaDB is killed outright (again, should the run have ended meanwhile)
        HarnessProcess harness;
        int exit;
        for (var attempt = 1; ; attempt++)
        {
            report = Report($"server-killed-{attempt}.jsonl");
            harness = await corpus.StartMidRunAsync(report);
            HarnessProcess.Kill(harness.ServerProcess(), HarnessProcess.SigKill);
            var inFlight = corpus.HasManyLeft(report);
            exit = await harness.WaitAsync(TimeSpan.FromMinutes(2));
            if (inFlight || attempt == 3)
                break;
            harness.Dispose();
        }
        using var _ = harness;

        // Then a new server took over, and no record reports what the dead one did to it
        Assert.True(exit == 1, harness.Error);
        Assert.Contains("started a new server", harness.Error, StringComparison.Ordinal);
        Assert.Equal(corpus.Baseline, DurableCorpus.ComparableLines(report));
        Assert.Empty(harness.ProcessesLeft());
    }

    [Fact]
    public async Task A_server_that_keeps_dying_stops_the_run_with_exit_3_its_log_and_every_finished_line()
    {
        ServerAvailability.RequireMariaDb();
        var report = Report("server-dying.jsonl");

        using var harness = await corpus.StartMidRunAsync(report);
        // Kill every server the harness starts, until it gives up.
        while (!harness.HasExited)
        {
            if (harness.ServerProcessOrNull() is { } server)
                HarnessProcess.TryKill(server, HarnessProcess.SigKill);
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        var exit = await harness.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(exit == 3, harness.Error);
        Assert.Contains("was lost", harness.Error, StringComparison.Ordinal);
        Assert.Contains("Error log", harness.Error, StringComparison.Ordinal);
        Assert.Contains("resume with --resume", harness.Error, StringComparison.Ordinal);
        var lines = DurableCorpus.ComparableLines(report);
        Assert.Equal(corpus.Baseline.Take(lines.Count), lines);
        Assert.Empty(harness.ProcessesLeft());
    }

    [Fact]
    public async Task A_server_killed_during_a_records_setup_is_replaced_and_the_setup_is_not_blamed_on_the_record()
    {
        ServerAvailability.RequireMariaDb();
        // Given a record whose setup sleeps for a while, and the run's server killed while it does
        var pairs = Report("setup-killed-pairs.jsonl");
        var report = Report("setup-killed.jsonl");
        await File.WriteAllLinesAsync(pairs, [JsonSerializer.Serialize(new
        {
            id = "sleepy-setup", strategy = "FixMWhere1U", dbms = "mariadb",
            setup = new[] { "CREATE TABLE t (c INT)", "INSERT INTO t VALUES (1), (2), (3)", "DO SLEEP(6)" }, // long enough for a loaded machine to reach the kill within it
            original = "SELECT c FROM t WHERE c > 1", mutated = "SELECT c FROM t WHERE 1",
        })], TestContext.Current.CancellationToken);
        using var harness = HarnessProcess.Start("verify", pairs, "--out", report, "--jobs", "1");
        while (!harness.Error.Contains("targets:", StringComparison.Ordinal) && !harness.HasExited)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
        HarnessProcess.Kill(harness.ServerProcess(), HarnessProcess.SigKill);
        var exit = await harness.WaitAsync(TimeSpan.FromMinutes(2));

        // Then the lost server is the server's fault: a new one runs the setup again, and the record verifies
        Assert.True(exit == 0, harness.Error);
        Assert.Contains("started a new server", harness.Error, StringComparison.Ordinal);
        var line = JsonDocument.Parse(Assert.Single(File.ReadAllLines(report))).RootElement;
        Assert.Equal("verified", line.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task A_server_frozen_during_a_records_setup_and_never_continued_does_not_hold_the_run_and_gives_no_verdict()
    {
        ServerAvailability.RequireMariaDb();
        // Given a record whose setup sleeps past its 1 s budget, then an innocent pair
        var pairs = Report("setup-frozen-pairs.jsonl");
        var report = Report("setup-frozen.jsonl");
        await File.WriteAllLinesAsync(pairs,
        [
            JsonSerializer.Serialize(new
            {
                id = "sleepy-setup", strategy = "FixMWhere1U", dbms = "mariadb",
                setup = new[] { "CREATE TABLE t (c INT)", "INSERT INTO t VALUES (1), (2), (3)", "DO SLEEP(3)" },
                original = "SELECT c FROM t WHERE c > 1", mutated = "SELECT c FROM t WHERE 1",
            }),
            JsonSerializer.Serialize(new { id = "innocent", strategy = "FixMWhere1U", original = "SELECT pk FROM `table_3_utf8_undef` WHERE pk > 1", mutated = "SELECT pk FROM `table_3_utf8_undef` WHERE 1" }),
        ], TestContext.Current.CancellationToken);

        // When the run's server is stopped (SIGSTOP) as the first record begins, and never continued
        using var harness = HarnessProcess.Start("verify", pairs, "--out", report, "--jobs", "1", "--setup-timeout", "1", "--timeout", "2");
        while (!harness.Error.Contains("targets:", StringComparison.Ordinal) && !harness.HasExited)
            await Task.Delay(20, TestContext.Current.CancellationToken);
        var server = harness.ServerProcess();
        HarnessProcess.Kill(server, HarnessProcess.SigStop);
        try
        {
            // Then the run ends on its own (the setup's statements, kill, drop and the harness's own steps around them
            // waited for that server for ever), every record has its line, and none has a verdict the freeze made up:
            // the setup stopped at its budget (here or on a new server), the innocent pair verified or timed out
            var exit = await harness.WaitAsync(TimeSpan.FromMinutes(4));
            Assert.True(exit == 1, harness.Error);
            var lines = File.ReadAllLines(report).Select(l => JsonDocument.Parse(l).RootElement).ToDictionary(l => l.GetProperty("id").GetString()!);
            Assert.Equal(2, lines.Count);
            Assert.Equal("not-executable", lines["sleepy-setup"].GetProperty("verdict").GetString());
            Assert.Contains("--setup-timeout", lines["sleepy-setup"].GetProperty("reason").GetString(), StringComparison.Ordinal);
            Assert.Contains(lines["innocent"].GetProperty("verdict").GetString(), new[] { "verified", "timeout" });
            Assert.Empty(harness.ProcessesLeft());
        }
        finally
        {
            HarnessProcess.TryKill(server, HarnessProcess.SigCont);
        }
    }

    [Fact]
    public async Task A_frozen_server_times_statements_out_on_the_client_and_never_lets_them_verify()
    {
        ServerAvailability.RequireMariaDb();
        string report;
        const double timeout = 2;

        // Given a run with a 2 s deadline, when its server is stopped (SIGSTOP) for 8 s, then continued
        // (again, should the run have ended before the freeze)
        HarnessProcess harness;
        int exit;
        for (var attempt = 1; ; attempt++)
        {
            report = Report($"server-frozen-{attempt}.jsonl");
            harness = await corpus.StartMidRunAsync(report, "--jobs", "2", "--timeout", "2");
            var server = harness.ServerProcess();
            HarnessProcess.Kill(server, HarnessProcess.SigStop);
            var inFlight = corpus.HasManyLeft(report);
            await Task.Delay(TimeSpan.FromSeconds(inFlight ? 8 : 0), TestContext.Current.CancellationToken);
            HarnessProcess.Kill(server, HarnessProcess.SigCont);
            exit = await harness.WaitAsync(TimeSpan.FromMinutes(2));
            if (inFlight || attempt == 3)
                break;
            harness.Dispose();
        }
        using var _ = harness;

        // Then the run finished, the records caught in the freeze are timeouts, none of them verified past its deadline,
        // and every other record has the undisturbed verdict
        Assert.True(exit == 1, harness.Error);
        var lines = File.ReadAllLines(report).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(corpus.Count, lines.Count);
        var timedOut = lines.Where(l => l.GetProperty("verdict").GetString() == "timeout").ToList();
        Assert.NotEmpty(timedOut);
        foreach (var line in lines.Where(l => l.GetProperty("verdict").GetString() == "verified"))
        {
            foreach (var side in Sides(line))
                Assert.True(side <= (timeout + 1.5) * 1000, $"{line.GetProperty("id")} verified with a statement of {side} ms");
        }
        var baseline = corpus.Baseline.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var verdict = lines[i].GetProperty("verdict").GetString();
            if (verdict != "timeout")
                Assert.Equal(baseline[i].GetProperty("verdict").GetString(), verdict);
        }
    }

    private static IEnumerable<double> Sides(JsonElement line) =>
        line.GetProperty("targets").EnumerateArray()
            .SelectMany(t => t.GetProperty("databases").EnumerateArray())
            .SelectMany(d => new[] { "original", "mutated" }.Where(side => d.TryGetProperty(side, out _)).Select(side => d.GetProperty(side)))
            .Where(s => s.TryGetProperty("elapsedMs", out _))
            .Select(s => s.GetProperty("elapsedMs").GetDouble());
}
