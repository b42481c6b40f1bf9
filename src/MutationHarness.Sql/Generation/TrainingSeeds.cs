using MutationHarness.Sql.Generation;

namespace MutationHarness.Sql;

/// <summary>Seeds made for training pairs: upstream-shaped queries over the fixture tables, each steered to hold a
/// site of one strategy, at a monotone place or under a negation. Unlike <see cref="SeedQueryGenerator"/> (which
/// also writes the shapes the harness must refuse or flag, to test it), these never aggregate, never LIMIT, call
/// nothing non-deterministic and join only inner, so every mutant of them has an expected relation.</summary>
public static class TrainingSeeds
{
    /// <summary>True when the generator steers seeds to the strategy's sites (all 18 strategies); another strategy
    /// gets unsteered seeds, which may have no site of it.</summary>
    public static bool Steers(string strategy) => Plant.For(strategy) is not null;

    /// <summary>A seed holding a site of <paramref name="strategy"/>, under a negation when <paramref name="flipped"/>
    /// (so the expected direction is the strategy's opposite). <paramref name="depth"/> (0–3) bounds the nesting of
    /// subqueries and derived tables, and so the length.</summary>
    public static string Make(string strategy, bool flipped, int depth, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        return new TrainingSeedBuilder(random, depth + 1).Build(Plant.For(strategy), flipped);
    }
}
