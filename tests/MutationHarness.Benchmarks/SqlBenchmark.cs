using System.Diagnostics;
using MutationHarness.Sql;
using MutationHarness.Tests;

namespace MutationHarness.Benchmarks;

/// <summary>Single-thread throughput of the SQL engine: pair checks (parse both + conformance) and parses per second.</summary>
public static class SqlBenchmark
{
    /// <summary>Generates a corpus of pairs with the seed generator and prints both rates.</summary>
    public static void Run(TextWriter output, int seconds = 3)
    {
        var pairs = new List<(string Strategy, string Original, string Mutant)>();
        foreach (var seed in SeedQueryGenerator.Generate(new Random(42), 500))
        {
            foreach (var mutant in Mutants.Enumerate(seed, randomSeed: 1))
            {
                pairs.Add((mutant.Strategy, seed, mutant.Sql));
            }
        }

        var budget = TimeSpan.FromSeconds(seconds);
        var (checkRate, conforming) = CheckRate(pairs, budget);
        var (coldRate, _) = ColdCheckRate(pairs, budget);
        var parses = 0L;
        var characters = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget)
        {
            // Strided order: consecutive parses are of different seeds, so the lexer's reuse of the tokens of the
            // same string just lexed (meant for guard + scan + check of one pair) cannot flatter this figure.
            for (var k = 0; k < pairs.Count; k++)
            {
                characters += SqlParser.Parse(pairs[(int)(k * 7919L % pairs.Count)].Original).Sql.Length;
            }

            parses += pairs.Count;
        }

        var parseRate = parses / clock.Elapsed.TotalSeconds;
        output.WriteLine($"sql: {pairs.Count} pairs, mean seed length {characters / Math.Max(parses, 1)} chars");
        output.WriteLine($"sql: {checkRate:N0} pair checks/s ({conforming * 100.0:F1}% conforming), one thread, corpus (seeds repeat, parsed-seed cache hits)");
        output.WriteLine($"sql: {coldRate:N0} pair checks/s, one thread, cold (every check sees a new seed string)");
        output.WriteLine($"sql: {parseRate:N0} parses/s, one thread");

        if (CorpusPairs() is { Count: > 0 } corpus)
        {
            var (corpusRate, corpusConforming) = CheckRate(corpus, budget);
            var (corpusCold, _) = ColdCheckRate(corpus, budget);
            output.WriteLine($"sql: real corpus ({corpus.Count} bug-report pairs, {corpusConforming * 100.0:F1}% conforming): " +
                $"{corpusRate:N0} pair checks/s repeated, {corpusCold:N0} /s cold, one thread");
        }
    }

    /// <summary>The pairs of the repository's bug-report corpus (fixtures/bug-reports) that name a strategy.</summary>
    private static List<(string Strategy, string Original, string Mutant)> CorpusPairs()
    {
        var path = RepositoryFiles.BugReports;
        var pairs = new List<(string, string, string)>();
        foreach (var line in File.ReadLines(path))
        {
            using var record = System.Text.Json.JsonDocument.Parse(line);
            var root = record.RootElement;
            if (root.TryGetProperty("strategy", out var strategy) && strategy.GetString() is { Length: > 0 } name)
                pairs.Add((name, root.GetProperty("original").GetString()!, root.GetProperty("mutated").GetString()!));
        }
        return pairs;
    }

    private static (double Rate, double Conforming) CheckRate(List<(string Strategy, string Original, string Mutant)> pairs, TimeSpan budget)
    {
        var checks = 0L;
        var conforming = 0L;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget)
        {
            foreach (var (strategy, original, mutant) in pairs)
            {
                conforming += Conformance.Check(strategy, original, mutant).Conforms ? 1 : 0;
            }

            checks += pairs.Count;
        }

        return (checks / clock.Elapsed.TotalSeconds, conforming / (double)Math.Max(checks, 1));
    }

    /// <summary>Every check gets an original no earlier check saw (a distinct trailing comment), so no cache helps;
    /// the strings are built outside the timed part.</summary>
    private static (double Rate, double Conforming) ColdCheckRate(List<(string Strategy, string Original, string Mutant)> pairs, TimeSpan budget)
    {
        var checks = 0L;
        var conforming = 0L;
        var clock = new Stopwatch();
        var fresh = new string[pairs.Count];
        for (var round = 0; clock.Elapsed < budget; round++)
        {
            for (var i = 0; i < pairs.Count; i++)
            {
                fresh[i] = $"{pairs[i].Original} /* {round}.{i} */";
            }

            clock.Start();
            for (var i = 0; i < pairs.Count; i++)
            {
                conforming += Conformance.Check(pairs[i].Strategy, fresh[i], pairs[i].Mutant).Conforms ? 1 : 0;
            }

            clock.Stop();
            checks += pairs.Count;
        }

        return (checks / clock.Elapsed.TotalSeconds, conforming / (double)Math.Max(checks, 1));
    }
}
