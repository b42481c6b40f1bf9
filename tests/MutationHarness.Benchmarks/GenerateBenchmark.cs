using System.Diagnostics;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Databases.Local;
using MutationHarness.Databases.Targets;
using MutationHarness.Sql;
using MutationHarness.Verification;
using MutationHarness.Verification.Generation;

namespace MutationHarness.Benchmarks;

/// <summary>Time and peak memory of <c>generate</c> for every strategy (18 × 500 = 9,000 pairs by default; goal under
/// 60 s on two cores), against verifying the same pairs as a file (the baseline, same server, same run).</summary>
public static class GenerateBenchmark
{
    public static async Task RunAsync(TextWriter output, int perStrategy, int jobs, CancellationToken cancellationToken)
    {
        await using var target = await LocalMariaDbTarget.StartAsync(new TargetOptions { Jobs = jobs }, cancellationToken);
        var options = new VerifyOptions { Jobs = jobs };
        var total = perStrategy * StrategyNames.All.Count;
        output.WriteLine($"generate: {StrategyNames.All.Count} strategies × {perStrategy:N0} = {total:N0} verified pairs, {jobs} jobs, on {target.Server.Flavor} {target.Server.Version}");

        // A short run first, so the code the figures measure is compiled and the server's caches are warm.
        await using (var verifier = await Verifier.StartAsync(options, StrategyCatalog.Default, new BorrowedTargetOpener(target), cancellationToken))
        {
            var warmUp = new PairGenerator(verifier, new GenerationOptions { PerStrategy = 20, Strategies = StrategyNames.All, Seed = 2, Dbms = "mariadb" });
            await foreach (var _ in warmUp.RunAsync(cancellationToken))
            {
            }
        }

        var file = Path.Combine(Directory.CreateTempSubdirectory("bench-generate").FullName, "pairs.jsonl");
        var written = 0;
        TimeSpan generating;
        GenerationSummary summary;
        await using (var verifier = await Verifier.StartAsync(options, StrategyCatalog.Default, new BorrowedTargetOpener(target), cancellationToken))
        {
            var generator = new PairGenerator(verifier, new GenerationOptions { PerStrategy = perStrategy, Strategies = StrategyNames.All, Seed = 1, Dbms = "mariadb" });
            await using var stream = File.Create(file);
            var writer = new GeneratedPairWriter(stream);
            GC.Collect();
            var before = MemoryBenchmark.ResetPeak();
            var clock = Stopwatch.StartNew();
            var checkpoint = Math.Max(1, total / 4);
            await foreach (var pair in generator.RunAsync(cancellationToken))
            {
                await writer.WriteAsync(pair, cancellationToken);
                if (++written % checkpoint == 0)
                    output.WriteLine($"  {written,7:N0} pairs: {clock.Elapsed.TotalSeconds,5:N1} s, peak RSS so far {MemoryBenchmark.Peak() / 1e6:N0} MB");
            }

            generating = clock.Elapsed;
            summary = generator.Summary;
            output.WriteLine($"  {summary.Written:N0} pairs from {summary.Tried:N0} candidates in {generating.TotalSeconds:N1} s " +
                $"({summary.Written / generating.TotalSeconds:N0} pairs/s; goal: 9,000 in under 60 s); peak RSS {MemoryBenchmark.Peak() / 1e6:N0} MB " +
                $"(before {before / 1e6:N0} MB)");
        }

        // The baseline: the file verified as verify verifies it, on a fresh verifier over the same server.
        await using (var verifier = await Verifier.StartAsync(options, StrategyCatalog.Default, new BorrowedTargetOpener(target), cancellationToken))
        {
            var clock = Stopwatch.StartNew();
            var verified = 0;
            var records = new RecordReader(StrategyCatalog.Default).ReadAsync([file], TextReader.Null, cancellationToken);
            await foreach (var report in verifier.VerifyAllAsync(records, cancellationToken))
                verified += report.Verdict == Verdict.Verified ? 1 : 0;
            var baseline = clock.Elapsed;
            output.WriteLine($"  baseline, verify of the same {written:N0} pairs from the file: {baseline.TotalSeconds:N1} s ({verified:N0} verified); " +
                $"generate takes {generating / baseline:N2} × as long (it also makes the seeds and mutants, and verifies {summary.Tried - summary.Written:N0} candidates it does not write)");
        }

        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }
}
