namespace MutationHarness.Sql.Tests;

/// <summary>The fast conformance path (each rule's token-level check) must give exactly the reference's verdict
/// whenever it gives one, for every rule.</summary>
public sealed class FastPathDifferentialTests
{
    private static readonly IReadOnlyList<string> Seeds = SeedQueryGenerator.Generate(new Random(42), 300);

    public static TheoryData<string> EveryStrategy => [.. StrategyNames.All];

    [Theory]
    [MemberData(nameof(EveryStrategy))]
    public void Each_rules_fast_path_agrees_with_its_reference_on_generated_mutants(string strategy)
    {
        // Given every mutant the rule makes of the generated seeds, and each one spoiled, restyled and reversed
        var (pairs, answered) = (0, 0);
        foreach (var seed in Seeds)
        {
            foreach (var mutant in Mutants.Enumerate(seed, strategy, randomSeed: 1))
            {
                // When both paths check it, Then the fast path's verdict, whenever it gives one, is the reference's
                answered += Compare(strategy, seed, mutant.Sql) ? 1 : 0;
                pairs++;
                if (ExtraChange.Apply(mutant.Sql, seed) is { } spoiled)
                {
                    Compare(strategy, seed, spoiled);
                }

                Compare(strategy, seed, mutant.Sql.ToUpperInvariant());
                Compare(strategy, seed, "/* c */ " + mutant.Sql.Replace(" ", "  \n", StringComparison.Ordinal) + " -- tail");
                Compare(strategy, mutant.Sql, seed);
            }
        }

        // Not a speed assertion: it shows the rule's fast path is really exercised, not silently falling back.
        Assert.True(pairs > 0, $"the generated seeds give no {strategy} mutant");
        Assert.True(answered * 2 > pairs, $"the fast path answered {answered} of {pairs} {strategy} mutants");
    }

    [Fact]
    public void Fast_path_agrees_with_slow_path_on_the_seed_itself()
    {
        foreach (var seed in Seeds.Take(60))
        {
            foreach (var strategy in StrategyNames.All)
            {
                Compare(strategy, seed, seed);
            }
        }
    }

    [Fact]
    public void Fast_path_agrees_with_slow_path_under_every_other_strategy()
    {
        foreach (var seed in Seeds.Take(60))
        {
            foreach (var mutant in Mutants.Enumerate(seed, randomSeed: 5))
            {
                foreach (var strategy in StrategyNames.All)
                {
                    Compare(strategy, seed, mutant.Sql);
                }
            }
        }
    }

    [Fact]
    public void Fast_path_agrees_with_slow_path_on_the_bug_report_corpus()
    {
        foreach (var pair in CorpusFile.PinoloBugReports())
        {
            foreach (var strategy in pair.Strategy is { } named ? [named] : StrategyNames.All)
            {
                Compare(strategy, pair.Original, pair.Mutated);
                Compare(strategy, pair.Mutated, pair.Original);
            }
        }
    }

    /// <summary>True when the fast path gave a verdict (which then equals the slow one).</summary>
    private static bool Compare(string strategy, string original, string mutant)
    {
        var slow = Conformance.CheckSlow(strategy, original, mutant);
        var fast = Conformance.CheckFast(strategy, original, mutant);
        if (fast is not null)
        {
            Assert.True(slow == fast, $"{strategy}\nslow: {slow}\nfast: {fast}\n{original}\n{mutant}");
        }

        Assert.Equal(slow, Conformance.Check(strategy, original, mutant));
        return fast is not null;
    }
}
