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

        // Warm every path once, then measure each seven times, alternating. This 2-core VM swings ±15%
        // between runs, more than the gap being measured, so the figures kept are medians of per-round
        // ratios: each compares runs made seconds apart. Two harness runs per round: as users get it (a seed
        // shared by several pairs runs once per database) and with every pair running both statements, the
        // like-for-like comparison with the bare loop. Each round starts a fresh verifier, so no seed result
        // outlives its round.
        var paths = new[] { new VerifyOptions { Jobs = jobs, Reruns = 3 }, new VerifyOptions { Jobs = jobs, Reruns = 3, ReuseSeedResults = false } };
        var best = new double[3];
        var ratios = new[] { new List<double>(), new List<double>() };
        var cpu = new TimeSpan[3];
        var verdicts = new Dictionary<Verdict, int>();
        const int rounds = 8;
        for (var round = 0; round < rounds; round++)
        {
            var rates = new double[3];
            var used = new TimeSpan[3];
            for (var path = 0; path < 2; path++)
            {
                await using var verifier = await Verifier.StartAsync(paths[path], StrategyCatalog.Default, new BorrowedTargetOpener(target), cancellationToken);
                var before = ProcessCpu();
                rates[path] = await HarnessRateAsync(verifier, pairs, round == rounds - 1 && path == 0 ? verdicts : null, cancellationToken);
                used[path] = ProcessCpu() - before;
            }
            var start = ProcessCpu();
            rates[2] = await BareLoopBaseline.RunAsync(target.ReaderConnectionString, database.Name, statements, jobs, cancellationToken) / 2;
            used[2] = ProcessCpu() - start;
            if (round == 0)
                continue;
            for (var path = 0; path < 3; path++)
            {
                best[path] = Math.Max(best[path], rates[path]);
                cpu[path] += used[path];
            }
            ratios[0].Add(rates[0] / rates[2]);
            ratios[1].Add(rates[1] / rates[2]);
        }

        var perPair = (rounds - 1) * pairs.Count;
        output.WriteLine($"verify: {pairs.Count:N0} generated pairs ({statements.Distinct().Count():N0} distinct statements), {jobs} jobs, on {target.Server.Flavor} {target.Server.Version}");
        output.WriteLine($"  verdicts: {string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Value} {v.Key.Name()}"))}");
        output.WriteLine($"  harness as users run it (guard, conformance, both sides, oracle, re-runs; a shared seed runs once): {best[0]:N0} pairs/s (best round)");
        output.WriteLine($"  harness running both statements of every pair:                                                {best[1]:N0} pairs/s (best round)");
        output.WriteLine($"  bare MySqlConnector loop over the same two statements per pair:                                 {best[2]:N0} pairs/s (best round)");
        output.WriteLine($"  client CPU per pair over all rounds, this process (the server shares the cores): " +
            $"{cpu[0].TotalMicroseconds / perPair:N0} µs, {cpu[1].TotalMicroseconds / perPair:N0} µs, bare {cpu[2].TotalMicroseconds / perPair:N0} µs");
        output.WriteLine($"  ratio to the bare loop, median of {ratios[0].Count} rounds: as users run it {Median(ratios[0])}, " +
            $"every statement run {Median(ratios[1])} (goal ≥ 0.90)");
    }

    private static string Median(List<double> ratios)
    {
        ratios.Sort();
        return $"{ratios[ratios.Count / 2]:0.00} (rounds {ratios[0]:0.00}–{ratios[^1]:0.00})";
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

    internal static List<InputRecord> GeneratedPairs(int count) => GeneratePairs(count).ToList();

    /// <summary>The generated pairs, made as they are taken (a million of them need not sit in memory).</summary>
    internal static IEnumerable<InputRecord> GeneratePairs(int count)
    {
        var made = 0;
        var random = new Random(7);
        while (made < count)
        {
            foreach (var seed in SeedQueryGenerator.Generate(random, 50))
            {
                foreach (var mutant in Mutants.Enumerate(seed, randomSeed: made).Take(3))
                {
                    if (made == count)
                        yield break;
                    var pair = new MutationPair($"bench-{made}", new SourceLocation("generated", made + 1),
                        mutant.Strategy, seed, mutant.Sql, "mariadb", null, []);
                    made++;
                    yield return InputRecord.Read(pair);
                }
            }
        }
    }

    internal static async IAsyncEnumerable<InputRecord> AsAsync(IReadOnlyList<InputRecord> records)
    {
        foreach (var record in records)
            yield return record;
        await Task.CompletedTask;
    }
}
