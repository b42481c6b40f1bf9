using FsCheck;
using FsCheck.Fluent;

namespace MutationHarness.Sql.Tests;

/// <summary>Properties over seeds FsCheck draws afresh on every run (beyond GeneratedCorpusTests' fixed 400): the drawn
/// value seeds the upstream-shaped generator, so a failure prints the value and FsCheck's replay that reproduce it.</summary>
public sealed class RandomSeedPropertyTests
{
    private static readonly Arbitrary<int> GeneratorSeeds = Gen.Choose(0, int.MaxValue).ToArbitrary();

    private static string SeedFrom(int value) => SeedQueryGenerator.Generate(new Random(value), 1)[0];

    [Fact]
    public void The_printer_and_the_parser_agree_on_every_drawn_seed()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(GeneratorSeeds, value =>
        {
            // The drawn seed parses, and its normal form reads back as itself
            GeneratedCorpusTests.AssertNormalFormIsStable(SeedFrom(value), $"generator seed {value}: ");
        }));
    }

    [Fact]
    public void Every_mutant_of_a_drawn_seed_conforms_at_the_mutators_direction_and_one_more_change_breaks_it()
    {
        var spoiledChecked = 0;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(GeneratorSeeds, value =>
        {
            var seed = SeedFrom(value);
            foreach (var mutant in Mutants.Enumerate(seed, randomSeed: value))
            {
                // The mutant the mutator made is its strategy at one site, in the direction it says
                GeneratedCorpusTests.AssertConformsAtItsDirection(mutant, seed, $"generator seed {value}, ");

                // and its twin with one more token changed is not
                if (ExtraChange.Apply(mutant.Sql, seed) is { } spoiled)
                {
                    Assert.False(Conformance.Check(mutant.Strategy, seed, spoiled).Conforms, $"generator seed {value}, {mutant.Strategy}:\n{seed}\n{spoiled}");
                    spoiledChecked++;
                }
            }
        }));
        Assert.True(spoiledChecked > 50, $"only {spoiledChecked} spoiled twins were checked");
    }
}
