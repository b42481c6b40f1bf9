using System.Diagnostics;
using MutationHarness.Core.Fixtures;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Databases.Local;
using MutationHarness.Databases.Targets;
using MutationHarness.Sql;
using MutationHarness.Verification;

namespace MutationHarness.Benchmarks;

/// <summary>Pairs per second through the whole harness, against a bare MySqlConnector loop over the same statements on the same server.</summary>
public static class VerifyBenchmark
{
    public static async Task RunAsync(TextWriter output, int pairCount, int jobs, CancellationToken cancellationToken)
    {
        var pairs = GeneratedPairs(pairCount);
        var statements = pairs.SelectMany(p => new[] { p.Pair!.Original, p.Pair.Mutated }).ToList();
        await using var target = await LocalMariaDbTarget.StartAsync(new TargetOptions { Jobs = jobs }, cancellationToken);
        var database = await target.LoadFixtureAsync(UpstreamFixtureGenerator.Generate(0), cancellationToken);

        // Warm both paths once, then measure each seven times, alternating. This 2-core VM swings
        // ±15% between runs, more than the gap being measured, so the figure kept is the median of
        // the per-round ratios: each compares two runs made seconds apart.
        var options = new VerifyOptions { Jobs = jobs, Reruns = 3 };
        await using var verifier = await Verifier.StartAsync(options, StrategyCatalog.Default, new BorrowedTargetOpener(target), cancellationToken);
        var (harness, baseline) = (0.0, 0.0);
        var ratios = new List<double>();
        var (harnessCpu, bareCpu) = (TimeSpan.Zero, TimeSpan.Zero);
        var verdicts = new Dictionary<Verdict, int>();
        const int rounds = 8;
        for (var round = 0; round < rounds; round++)
        {
            var cpu = ProcessCpu();
            var rate = await HarnessRateAsync(verifier, pairs, round == rounds - 1 ? verdicts : null, cancellationToken);
            var afterHarness = ProcessCpu();
            var bare = await BareLoopBaseline.RunAsync(target.ReaderConnectionString, database.Name, statements, jobs, cancellationToken) / 2;
            if (round == 0)
                continue;
            harnessCpu += afterHarness - cpu;
            bareCpu += ProcessCpu() - afterHarness;
            harness = Math.Max(harness, rate);
            baseline = Math.Max(baseline, bare);
            ratios.Add(rate / bare);
        }
        ratios.Sort();

        output.WriteLine($"verify: {pairs.Count:N0} generated pairs, {jobs} jobs, on {target.Server.Flavor} {target.Server.Version}");
        output.WriteLine($"  verdicts: {string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Value} {v.Key.Name()}"))}");
        output.WriteLine($"  harness (guard + conformance + both sides + oracle + reruns of violations): {harness:N0} pairs/s (best round)");
        output.WriteLine($"  bare MySqlConnector loop over the same two statements per pair:           {baseline:N0} pairs/s (best round)");
        var perPair = (rounds - 1) * pairs.Count;
        output.WriteLine($"  client CPU per pair (this process; the server shares the cores): harness {harnessCpu.TotalMicroseconds / perPair:N0} µs, " +
            $"bare loop {bareCpu.TotalMicroseconds / perPair:N0} µs");
        output.WriteLine($"  ratio harness / bare loop, median of {ratios.Count} rounds: {ratios[ratios.Count / 2]:0.00} " +
            $"(rounds ranged {ratios[0]:0.00}–{ratios[^1]:0.00}; goal ≥ 0.90)");
    }

    private static async Task<double> HarnessRateAsync(Verifier verifier, IReadOnlyList<InputRecord> pairs,
        Dictionary<Verdict, int>? verdicts, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await foreach (var report in verifier.VerifyAllAsync(AsAsync(pairs), cancellationToken))
        {
            if (verdicts is not null)
                verdicts[report.Verdict] = verdicts.GetValueOrDefault(report.Verdict) + 1;
        }
        return pairs.Count / clock.Elapsed.TotalSeconds;
    }

    private static TimeSpan ProcessCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    internal static List<InputRecord> GeneratedPairs(int count)
    {
        var records = new List<InputRecord>();
        var random = new Random(7);
        while (records.Count < count)
        {
            foreach (var seed in SeedQueryGenerator.Generate(random, 50))
            {
                foreach (var mutant in Mutants.Enumerate(seed, randomSeed: records.Count).Take(3))
                {
                    var pair = new MutationPair($"bench-{records.Count}", new SourceLocation("generated", records.Count + 1),
                        mutant.Strategy, seed, mutant.Sql, "mariadb", null, []);
                    records.Add(InputRecord.Read(pair));
                }
            }
        }
        return records.Take(count).ToList();
    }

    private static async IAsyncEnumerable<InputRecord> AsAsync(IReadOnlyList<InputRecord> records)
    {
        foreach (var record in records)
            yield return record;
        await Task.CompletedTask;
    }
}
