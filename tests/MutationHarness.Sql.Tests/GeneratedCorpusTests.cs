namespace MutationHarness.Sql.Tests;

public sealed class GeneratedCorpusTests
{
    private static readonly IReadOnlyList<string> Seeds = SeedQueryGenerator.Generate(new Random(20240601), 400);

    [Fact]
    public void Every_generated_seed_parses_and_its_normal_form_is_stable()
    {
        foreach (var seed in Seeds)
            AssertNormalFormIsStable(seed, "");
    }

    /// <summary>The seed parses, and its normal form parses back to itself (<paramref name="context"/> opens a failure's message).</summary>
    internal static void AssertNormalFormIsStable(string seed, string context)
    {
        var parsed = SqlParser.TryParse(seed, out var error);
        Assert.True(parsed is not null, $"{context}{error?.Message}\n{seed}");
        var again = SqlParser.TryParse(parsed.Normalized, out error);
        Assert.True(again is not null, $"{context}{error?.Message}\n{parsed.Normalized}");
        Assert.Equal(parsed.Normalized, again.Normalized);
    }

    /// <summary>The mutant conforms to its strategy at the direction the mutator gave it.</summary>
    internal static void AssertConformsAtItsDirection(Mutant mutant, string seed, string context)
    {
        var result = Conformance.Check(mutant.Strategy, seed, mutant.Sql);
        Assert.True(result.Conforms, $"{context}{mutant.Strategy} at {mutant.Site}: {result.Failure} {result.Reason}\n{seed}\n{mutant.Sql}");
        Assert.Equal(mutant.IsUpper, result.IsUpper);
    }

    [Fact]
    public void Every_strategy_finds_mutants_in_the_generated_corpus()
    {
        var found = Seeds.SelectMany(seed => Mutants.Enumerate(seed, randomSeed: 7)).Select(m => m.Strategy).ToHashSet();
        Assert.Equal(StrategyNames.All.OrderBy(s => s), found.OrderBy(s => s));
    }

    [Fact]
    public void Every_mutant_conforms_with_the_mutators_direction()
    {
        foreach (var seed in Seeds)
        {
            foreach (var mutant in Mutants.Enumerate(seed, randomSeed: 11))
                AssertConformsAtItsDirection(mutant, seed, "");
        }
    }

    [Fact]
    public void A_mutant_with_one_more_token_changed_does_not_conform()
    {
        var checkedPairs = 0;
        foreach (var seed in Seeds)
        {
            foreach (var mutant in Mutants.Enumerate(seed, randomSeed: 13))
            {
                var spoiled = ExtraChange.Apply(mutant.Sql, seed);
                if (spoiled is null)
                {
                    continue;
                }

                var result = Conformance.Check(mutant.Strategy, seed, spoiled);
                Assert.False(result.Conforms, $"{mutant.Strategy}: {seed}\n{spoiled}");
                checkedPairs++;
            }
        }

        Assert.True(checkedPairs > 100);
    }
}
