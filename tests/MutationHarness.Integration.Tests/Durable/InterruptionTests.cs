using System.Text.Json;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests.Durable;

/// <summary>Ctrl-C, SIGTERM or a killed harness lose no finished record, and <c>--resume</c> finishes the report to exactly
/// what an undisturbed run writes.</summary>
public sealed class InterruptionTests(DurableCorpus corpus)
{
    private string Report(string name) => Path.Combine(corpus.Folder, name);

    private static void AssertValidPrefix(IReadOnlyList<string> baseline, string report)
    {
        var lines = DurableCorpus.ComparableLines(report);
        Assert.InRange(lines.Count, 1, baseline.Count - 1);
        Assert.Equal(baseline.Take(lines.Count), lines);
    }

    // The report is the undisturbed run's first lines, the harness's servers are gone, and --resume finishes it.
    private async Task AssertStoppedCleanlyAndResumableAsync(HarnessProcess harness, string report)
    {
        AssertValidPrefix(corpus.Baseline, report);
        Assert.Empty(harness.ProcessesLeft());
        await ResumeToTheUndisturbedReportAsync(report);
    }

    private async Task ResumeToTheUndisturbedReportAsync(string report)
    {
        var (exit, output, error) = await HarnessProcess.RunAsync(["verify", corpus.Pairs, "--out", report, "--resume", .. DurableCorpus.Options]);
        Assert.True(exit == 1, error);
        Assert.Contains("records already reported", error, StringComparison.Ordinal);
        Assert.Equal(corpus.Baseline, DurableCorpus.ComparableLines(report));
        // The summary covers the whole file, not only the records this run verified.
        Assert.Matches($@"all\s.*\s{corpus.Count}\s", output);
    }

    [Fact]
    public async Task Ctrl_C_to_the_process_group_finishes_the_records_in_flight_exits_130_and_resume_completes_the_report()
    {
        ServerAvailability.RequireMariaDb();
        var report = Report("sigint.jsonl");

        // Given a run in progress, when its process group gets SIGINT (as from Ctrl-C)
        using var harness = await corpus.StartMidRunAsync(report);
        harness.SignalGroup(HarnessProcess.SigInt);
        var exit = await harness.WaitAsync(TimeSpan.FromMinutes(1));

        // Then it exits 130 with a summary and how to resume, the report is the undisturbed run's first lines,
        // and its server is gone
        Assert.True(exit == 130, $"exit {exit}: {harness.Error}");
        Assert.Contains("resume with --resume", harness.Error, StringComparison.Ordinal);
        Assert.Contains("all", harness.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(harness.Temporary));

        // And --resume finishes it to exactly the undisturbed report
        await AssertStoppedCleanlyAndResumableAsync(harness, report);
    }

    [Fact]
    public async Task A_second_signal_stops_at_once_still_leaving_a_valid_report_and_no_server()
    {
        ServerAvailability.RequireMariaDb();
        var report = Report("sigterm-twice.jsonl");

        using var harness = await corpus.StartMidRunAsync(report);
        harness.Signal(HarnessProcess.SigTerm);
        await Task.Delay(100, TestContext.Current.CancellationToken);
        harness.Signal(HarnessProcess.SigTerm);
        var exit = await harness.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exit == 130, $"exit {exit}: {harness.Error}");
        Assert.Contains("again", harness.Error, StringComparison.Ordinal);
        await AssertStoppedCleanlyAndResumableAsync(harness, report);
    }

    [Fact]
    public async Task A_harness_killed_outright_leaves_valid_lines_and_no_temporary_file_and_resume_completes_the_report()
    {
        ServerAvailability.RequireMariaDb();
        var report = Report("killed.jsonl");

        // When the harness itself is killed (no chance to clean up)
        using var harness = await corpus.StartMidRunAsync(report);
        harness.Signal(HarnessProcess.SigKill);
        await harness.WaitAsync(TimeSpan.FromSeconds(30));

        // Then every whole line is a finished record, nothing but the report is beside it, and the orphaned
        // server stops by itself
        var text = await File.ReadAllTextAsync(report, TestContext.Current.CancellationToken);
        var whole = text[..(text.LastIndexOf('\n') + 1)];
        Assert.All(whole.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => JsonDocument.Parse(line).Dispose());
        Assert.DoesNotContain(Directory.EnumerateFiles(corpus.Folder), f => Path.GetFileName(f).StartsWith("killed.jsonl.", StringComparison.Ordinal));
        await WaitUntilAsync(() => harness.ProcessesLeft().Count == 0, TimeSpan.FromSeconds(30));

        await ResumeToTheUndisturbedReportAsync(report);
    }

    [Fact]
    public async Task Resume_refuses_a_report_made_from_other_inputs_before_starting_a_server()
    {
        ServerAvailability.RequireMariaDb();
        var report = Report("other.jsonl");
        File.Copy(Path.Combine(corpus.Folder, "undisturbed.jsonl"), report);

        var (exit, _, error) = await HarnessProcess.RunAsync(["verify", SharedPaths.Corpus, "--out", report, "--resume", .. DurableCorpus.Options]);

        Assert.Equal(2, exit);
        Assert.Contains("other inputs", error, StringComparison.Ordinal);
        Assert.DoesNotContain("starting", error, StringComparison.Ordinal);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < limit, "the condition did not hold in time");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
