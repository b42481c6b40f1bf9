using System.Text.Json;
using MutationHarness.Core.Strategies;

namespace MutationHarness.FineTuning.Tests;

/// <summary>The train/validation split as the seed's user needs it: validation covers every strategy that can spare a seed query.</summary>
public sealed class SplitTests
{
    private static readonly IReadOnlyDictionary<string, StrategyInstructions> AllInstructions =
        StrategyCatalog.Default.All.ToDictionary(s => s.Name, s => s.Instructions);

    private static readonly string[] Dbms = ["mysql", "mariadb", "tidb", "oceanbase"];

    private static DatasetCandidate Pair(string strategy, int seed, string dbms, int variant = 0) =>
        new($"{strategy}-{dbms}-{seed}-{variant}", "test", strategy, dbms,
            $"SELECT c{seed} FROM t{seed} WHERE c{seed} > {seed}", $"SELECT c{seed} FROM t{seed} WHERE {variant + 1}", Passed: true);

    private static async Task<(DatasetResult Result, List<string> Train, List<string> Validation)> BuildAsync(IEnumerable<DatasetCandidate> candidates, DatasetOptions options)
    {
        using var directory = new TempDirectory();
        var result = await new DatasetBuilder(options, AllInstructions).BuildAsync(candidates, directory.Path, TestContext.Current.CancellationToken);
        return (result, Strategies(result.TrainPath), Strategies(result.ValidationPath));
    }

    // The strategy each line teaches, read back from its system message.
    private static List<string> Strategies(string path) => File.ReadAllLines(path)
        .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("messages")[0].GetProperty("content").GetString()!)
        .Select(system => AllInstructions.Single(i => system.EndsWith(i.Value.Mutate, StringComparison.Ordinal)).Key)
        .ToList();

    [Fact]
    public async Task A_cap_of_8_per_strategy_spread_over_four_dbms_still_holds_every_strategy_out()
    {
        // Given 13 strategies × 4 dbms × 4 seeds, capped at 8 per strategy: 2 per cell, whose 10 % rounds to 0
        var strategies = AllInstructions.Keys.Order(StringComparer.Ordinal).Take(13).ToList();
        var candidates = strategies.SelectMany((s, k) => Dbms.SelectMany(d => Enumerable.Range(0, 4).Select(i => Pair(s, (1000 * k) + (100 * Array.IndexOf(Dbms, d)) + i, d)))).ToList();

        var (result, train, validation) = await BuildAsync(candidates, new DatasetOptions { MaxPerStrategy = 8, ValidationFraction = 0.1, Seed = 5 });

        // Then validation is not empty: every strategy has a held-out example, and still trains on the rest
        Assert.Equal(strategies, validation.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(strategies, train.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(13 * 8, result.TrainCount + result.ValidationCount);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("validation", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_strategy_with_a_single_seed_query_stays_in_training_and_the_gap_is_named()
    {
        // Given FixMDistinctU with 6 seed queries and FixMInNullU with one seed mutated 3 ways
        var candidates = Enumerable.Range(0, 6).Select(i => Pair("FixMDistinctU", i, "mysql"))
            .Concat(Enumerable.Range(0, 3).Select(v => Pair("FixMInNullU", 50, "mysql", v)));

        var (result, train, validation) = await BuildAsync(candidates, new DatasetOptions { ValidationFraction = 0.1 });

        Assert.Equal(["FixMDistinctU"], validation.Distinct());
        Assert.Equal(3, train.Count(s => s == "FixMInNullU"));
        var warning = Assert.Single(result.Warnings, w => w.StartsWith("validation covers 1 of 2 strategies", StringComparison.Ordinal));
        Assert.Contains("FixMInNullU (1 seed query: kept for training)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_validation_file_is_never_silent()
    {
        // Given strategies of one seed query each: nothing can be held out without losing its training
        var candidates = new[] { "FixMDistinctU", "FixMWhere1U", "FixMHaving1U" }.SelectMany((s, i) => Enumerable.Range(0, 4).Select(v => Pair(s, i, "mysql", v)));

        var (result, _, validation) = await BuildAsync(candidates, new DatasetOptions { ValidationFraction = 0.2 });

        Assert.Empty(validation);
        Assert.Contains(result.Warnings, w => w.StartsWith("VALIDATION IS EMPTY", StringComparison.Ordinal) && w.Contains("--validation-fraction 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_validation_asked_means_no_validation_and_no_warning()
    {
        var candidates = Enumerable.Range(0, 20).Select(i => Pair("FixMDistinctU", i, "mysql"));

        var (result, _, validation) = await BuildAsync(candidates, new DatasetOptions { ValidationFraction = 0 });

        Assert.Empty(validation);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("validation", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_seed_shared_by_two_strategies_goes_to_one_side_whole()
    {
        // Given seeds each mutated by two strategies
        var candidates = Enumerable.Range(0, 10).SelectMany(i => new[] { Pair("FixMWhere1U", i, "mysql"), Pair("FixMWhere0L", i, "mysql") }).ToList();

        var (result, train, validation) = await BuildAsync(candidates, new DatasetOptions { ValidationFraction = 0.1 });

        Assert.Equal(2, validation.Count); // one seed, both its mutants
        Assert.Equal(["FixMWhere0L", "FixMWhere1U"], validation.Order(StringComparer.Ordinal));
        Assert.Equal(18, train.Count);
    }
}
