namespace MutationHarness.Sql.Tests;

/// <summary>The fast conformance path must give exactly the slow path's verdict whenever it gives one.</summary>
public sealed class FastPathDifferentialTests
{
    private static readonly IReadOnlyList<string> Seeds = SeedQueryGenerator.Generate(new Random(42), 300);

    [Fact]
    public void Fast_path_agrees_with_slow_path_on_every_generated_mutant()
    {
        var (pairs, answered) = (0, 0);
        foreach (var seed in Seeds)
        {
            foreach (var mutant in Mutants.Enumerate(seed, randomSeed: 1))
            {
                answered += Compare(mutant.Strategy, seed, mutant.Sql) ? 1 : 0;
                pairs++;
            }
        }

        // Not a speed assertion: it shows the fast path is really exercised, not silently falling back.
        Assert.True(answered * 10 > pairs * 9, $"the fast path answered {answered} of {pairs}");
    }

    [Fact]
    public void Fast_path_agrees_with_slow_path_on_spoiled_and_restyled_mutants()
    {
        foreach (var seed in Seeds)
        {
            foreach (var mutant in Mutants.Enumerate(seed, randomSeed: 13))
            {
                if (ExtraChange.Apply(mutant.Sql, seed) is { } spoiled)
                {
                    Compare(mutant.Strategy, seed, spoiled);
                }

                Compare(mutant.Strategy, seed, mutant.Sql.ToUpperInvariant());
                Compare(mutant.Strategy, seed, "/* c */ " + mutant.Sql.Replace(" ", "  \n", StringComparison.Ordinal) + " -- tail");
                Compare(mutant.Strategy, seed, seed);
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
