using System.Text;
using System.Text.Json;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Databases.Targets;
using MutationHarness.Sql;
using MutationHarness.Verification;
using MutationHarness.Verification.Generation;

namespace MutationHarness.Integration.Tests;

/// <summary><c>generate</c>'s pipeline on the embedded MariaDB: balanced, varied, verified, reproducible.</summary>
public sealed class GenerateTests(VerifierFixture fixture)
{
    private const int PerStrategy = 6;

    internal static async Task<(string Text, GenerationSummary Summary)> GenerateAsync(Verifier verifier, int seed, int perStrategy, IReadOnlyList<string>? strategies = null)
    {
        var generator = new PairGenerator(verifier, new GenerationOptions
        {
            PerStrategy = perStrategy,
            Strategies = strategies ?? StrategyNames.All,
            Seed = seed,
            Dbms = "mariadb",
        });
        using var buffer = new MemoryStream();
        var writer = new GeneratedPairWriter(buffer);
        await foreach (var pair in generator.RunAsync(TestContext.Current.CancellationToken))
            await writer.WriteAsync(pair, TestContext.Current.CancellationToken);
        return (Encoding.UTF8.GetString(buffer.ToArray()), generator.Summary);
    }

    [Fact]
    public async Task Every_strategy_gets_exactly_its_pairs_at_both_polarities_and_verify_passes_each_again()
    {
        // Given a generation run of every strategy
        var (text, summary) = await GenerateAsync(fixture.Verifier, seed: 3, PerStrategy);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();

        // Then each of the 18 strategies has exactly its pairs, with mutants that grow and that shrink
        Assert.True(summary.Complete, string.Join('\n', summary.Warnings));
        Assert.Equal(StrategyNames.All.Count * PerStrategy, lines.Count);
        foreach (var strategy in StrategyNames.All)
        {
            var own = lines.Where(l => l.GetProperty("strategy").GetString() == strategy).ToList();
            Assert.Equal(PerStrategy, own.Count);
            Assert.Equal([false, true], own.Select(l => l.GetProperty("isUpper").GetBoolean()).Distinct().Order());
        }

        // and every line names the dbms and the server it ran on
        Assert.All(lines, l => Assert.Equal("mariadb", l.GetProperty("dbms").GetString()));
        Assert.All(lines, l => Assert.StartsWith("10.", l.GetProperty("targets")[0].GetProperty("version").GetString(), StringComparison.Ordinal));

        // and read back as verify reads a file, every pair verifies again, unflagged, in the direction written
        var path = Path.Combine(Directory.CreateTempSubdirectory("generate").FullName, "pairs.jsonl");
        await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
        var records = new RecordReader(StrategyCatalog.Default).ReadAsync([path], TextReader.Null, TestContext.Current.CancellationToken);
        var index = 0;
        await foreach (var report in fixture.Verifier.VerifyAllAsync(records, TestContext.Current.CancellationToken))
        {
            var line = lines[index++];
            Assert.True(report.Verdict == Verdict.Verified && report.Flags.Count == 0, $"{report.Id}: {report.Verdict.Name()} {report.Reason} {string.Join("; ", report.Flags)}");
            Assert.Equal(line.GetProperty("isUpper").GetBoolean(), report.Expected!.IsUpper);
            Assert.Equal(line.GetProperty("id").GetString(), report.Id);
        }

        Assert.Equal(lines.Count, index);
    }

    [Fact]
    public async Task Seeds_vary_and_each_serves_one_strategy()
    {
        var (text, summary) = await GenerateAsync(fixture.Verifier, seed: 4, PerStrategy);
        var pairs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(l => (Strategy: l.GetProperty("strategy").GetString()!, Original: l.GetProperty("original").GetString()!)).ToList();

        // A seed query is never used by two strategies, so a split by seed keeps every strategy's validation honest
        Assert.All(pairs.GroupBy(p => SqlText.Normalize(p.Original)), g => Assert.Single(g.Select(p => p.Strategy).Distinct()));

        // Most pairs have a seed of their own (at most two pairs per seed), and seeds range from short to long
        Assert.Equal(pairs.Select(p => p.Original).Distinct().Count(), summary.Seeds);
        Assert.True(summary.Seeds >= pairs.Count * 6 / 10, $"{summary.Seeds} seeds for {pairs.Count} pairs");
        Assert.All(summary.PairsPerSeed.Keys, k => Assert.InRange(k, 1, 2));
        Assert.True(summary.SeedLengths.Max() >= 4 * summary.SeedLengths.Min(), $"lengths {summary.SeedLengths.Min()}–{summary.SeedLengths.Max()}");
        Assert.Contains(summary.SitesPerSeed, s => s > 1);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_bytes_whatever_the_parallelism_and_another_seed_other_pairs()
    {
        // Given the same generation on verifiers with 1 and with 6 jobs, on the same server
        string[] some = ["FixMDistinctL", "FixMRmUnionAllL", "FixMCmpOpL", "RdMRegExpU"];
        var results = new List<string>();
        foreach (var jobs in new[] { 1, 6 })
        {
            await using var verifier = await Verifier.StartAsync(new VerifyOptions { Jobs = jobs }, StrategyCatalog.Default,
                new BorrowedTargetOpener(fixture.Target), TestContext.Current.CancellationToken);
            results.Add((await GenerateAsync(verifier, seed: 9, perStrategy: 5, some)).Text);
        }

        // Then the files are identical, byte for byte; and another seed gives other pairs
        Assert.Equal(results[0], results[1]);
        Assert.Equal(4 * 5, results[0].Count(c => c == '\n'));
        var other = (await GenerateAsync(fixture.Verifier, seed: 10, perStrategy: 5, some)).Text;
        Assert.NotEqual(results[0], other);
    }

    [Fact]
    public void A_pair_is_labelled_only_with_the_flavour_of_a_server_it_ran_on()
    {
        (string, ServerFlavor)[] both = [("local:mariadb", ServerFlavor.MariaDb), ("container:mysql", ServerFlavor.MySql)];
        Assert.Equal(("mariadb", null), DbmsLabels.Choose(null, both));
        Assert.Equal(("mysql", null), DbmsLabels.Choose("MySQL", both));
        var (label, error) = DbmsLabels.Choose("tidb", both);
        Assert.Null(label);
        Assert.Contains("no target runs tidb", error, StringComparison.Ordinal);
        (label, error) = DbmsLabels.Choose(null, [("Server=db;User=u", ServerFlavor.Other)]);
        Assert.Null(label);
        Assert.Contains("unknown flavour", error, StringComparison.Ordinal);
    }
}
