using System.Diagnostics;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Databases.Local;
using MutationHarness.Databases.Targets;
using MutationHarness.Tests;
using MutationHarness.Verification;

namespace MutationHarness.Benchmarks;

/// <summary>Pairs that carry their own setup (the case users hit most), through the whole harness, against generated pairs
/// without one on the same server in the same run, alternating rounds.</summary>
public static class SetupBenchmark
{
    private const int Rounds = 5;

    public static async Task RunAsync(TextWriter output, int pairCount, int jobs, CancellationToken cancellationToken)
    {
        await using var target = await LocalMariaDbTarget.StartAsync(new TargetOptions { Jobs = jobs }, cancellationToken);
        var options = new VerifyOptions { Jobs = jobs, Reruns = 3 };
        // Only the bug reports that verify here: a violation's re-runs would be measured too.
        var verifying = await VerifyingWithSetupAsync(target, options, cancellationToken);
        var withSetup = Enumerable.Range(0, pairCount).Select(i => Renamed(verifying[i % verifying.Count], $"setup-{i}")).ToList();
        var without = VerifyBenchmark.GeneratedPairs(pairCount);

        var best = new double[2];
        var ratios = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var setupRate = await RateAsync(target, options, withSetup, cancellationToken);
            var plainRate = await RateAsync(target, options, without, cancellationToken);
            if (round == 0)
                continue;
            best[0] = Math.Max(best[0], setupRate);
            best[1] = Math.Max(best[1], plainRate);
            ratios.Add(setupRate / plainRate);
        }
        ratios.Sort();

        var statements = verifying.Average(r => r.Pair!.Setup.Count);
        output.WriteLine($"setup: {pairCount:N0} pairs carrying their own setup (the {verifying.Count} bug reports that verify here, repeated; " +
            $"{statements:N1} setup statements each on average), {jobs} jobs, on {target.Server.Flavor} {target.Server.Version}");
        output.WriteLine($"  harness, pairs with their own setup:        {best[0]:N0} pairs/s (best round)");
        output.WriteLine($"  harness, generated pairs without a setup:   {best[1]:N0} pairs/s (best round)");
        output.WriteLine($"  ratio, median of {ratios.Count} rounds: {ratios[ratios.Count / 2]:0.000} (rounds {ratios[0]:0.000}–{ratios[^1]:0.000}); " +
            $"a setup is a database and an account made for the record, its statements, then both dropped: " +
            $"{statements + 5:N1} statements that write the data dictionary, beside the pair's two SELECTs");
    }

    private static async Task<List<InputRecord>> VerifyingWithSetupAsync(LocalMariaDbTarget target, VerifyOptions options, CancellationToken cancellationToken)
    {
        var records = new RecordReader(StrategyCatalog.Default).ReadAsync([RepositoryFiles.BugReports], TextReader.Null, cancellationToken);
        var kept = new List<InputRecord>();
        await using var verifier = await Verifier.StartAsync(options, StrategyCatalog.Default, new BorrowedTargetOpener(target), cancellationToken);
        var byId = new Dictionary<string, InputRecord>();
        await foreach (var report in verifier.VerifyAllAsync(Remember(records, byId), cancellationToken))
        {
            if (report.Verdict == Verdict.Verified && byId[report.Id].Pair is { Setup.Count: > 0 })
                kept.Add(byId[report.Id]);
        }
        return kept;
    }

    private static async IAsyncEnumerable<InputRecord> Remember(IAsyncEnumerable<InputRecord> records, Dictionary<string, InputRecord> byId)
    {
        await foreach (var record in records)
        {
            byId[record.Id] = record;
            yield return record;
        }
    }

    private static InputRecord Renamed(InputRecord record, string id) => record with { Id = id, Pair = record.Pair! with { Id = id } };

    private static async Task<double> RateAsync(LocalMariaDbTarget target, VerifyOptions options, List<InputRecord> records, CancellationToken cancellationToken)
    {
        // A fresh verifier per round: no seed result outlives its round.
        await using var verifier = await Verifier.StartAsync(options, StrategyCatalog.Default, new BorrowedTargetOpener(target), cancellationToken);
        var clock = Stopwatch.StartNew();
        await foreach (var _ in verifier.VerifyAllAsync(VerifyBenchmark.AsAsync(records), cancellationToken))
        {
        }
        return records.Count / clock.Elapsed.TotalSeconds;
    }
}
