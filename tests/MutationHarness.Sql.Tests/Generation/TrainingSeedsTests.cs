namespace MutationHarness.Sql.Tests.Generation;

/// <summary>Seeds steered to one strategy hold its sites, at the polarity asked for, and nothing that could stop a
/// mutant from having an expected relation.</summary>
public sealed class TrainingSeedsTests
{
    private const int PerCell = 40;

    public static TheoryData<string> Strategies() => [.. StrategyNames.All];

    [Theory]
    [MemberData(nameof(Strategies))]
    public void A_steered_seed_holds_a_site_of_its_strategy_at_both_polarities(string strategy)
    {
        Assert.True(TrainingSeeds.Steers(strategy));
        foreach (var flipped in new[] { false, true })
        {
            // Given seeds steered to the strategy, monotone or under a negation, at every depth
            var random = new Random(strategy.Length * 31 + (flipped ? 1 : 0));
            var wantUpper = StrategyNames.IsUpper(strategy) != flipped;
            var hits = 0;
            for (var i = 0; i < PerCell; i++)
            {
                var seed = TrainingSeeds.Make(strategy, flipped, i % 4, random);

                // Then each is one read-only, deterministic SELECT that parses
                Assert.True(SqlParser.TryParse(seed, out var error) is not null, $"{error?.Message}\n{seed}");
                Assert.True(SqlGuard.Check(seed).IsAllowed, seed);
                Assert.Empty(NonDeterminism.Find(seed));

                // and its mutants conform with an expected relation (no aggregate, no LIMIT above a site)
                var mutants = Mutants.Enumerate(seed, strategy, i);
                Assert.True(mutants.Count > 0, $"{strategy} (flipped: {flipped}) has no site in\n{seed}");
                foreach (var mutant in mutants)
                {
                    var result = Conformance.Check(strategy, seed, mutant.Sql);
                    Assert.True(result.Conforms, $"{result.Reason}\n{seed}\n{mutant.Sql}");
                }

                hits += mutants.Any(m => m.IsUpper == wantUpper) ? 1 : 0;
            }

            // and nearly all hold a site at the asked polarity
            Assert.True(hits >= PerCell * 9 / 10, $"{strategy} flipped={flipped}: {hits} of {PerCell} at the asked polarity");
        }
    }

    [Fact]
    public void Seeds_vary_in_length_with_the_depth_and_are_the_same_for_the_same_random_seed()
    {
        var shallow = Enumerable.Range(0, 50).Select(i => TrainingSeeds.Make("FixMWhere1U", false, 0, new Random(i)).Length).Average();
        var deep = Enumerable.Range(0, 50).Select(i => TrainingSeeds.Make("FixMWhere1U", false, 3, new Random(i)).Length).Average();
        Assert.True(deep > shallow * 2, $"mean length {shallow:0} at depth 0, {deep:0} at depth 3");
        Assert.Equal(TrainingSeeds.Make("RdMLikeU", true, 2, new Random(5)), TrainingSeeds.Make("RdMLikeU", true, 2, new Random(5)));
    }

    [Fact]
    public void A_strategy_without_steering_gets_a_plain_seed()
    {
        Assert.False(TrainingSeeds.Steers("FixMSomethingL"));
        var seed = TrainingSeeds.Make("FixMSomethingL", false, 1, new Random(1));
        Assert.NotNull(SqlParser.TryParse(seed, out _));
    }
}
