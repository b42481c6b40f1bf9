using MutationHarness.Sql.Generation.Soundness;

namespace MutationHarness.Sql;

/// <summary>Seeds and databases for the oracle's differential self-test: seeds rich in CTEs, set operations,
/// subqueries, grouping and collations, over NULL-free tables whose strings are stored under <c>_ci</c>, <c>_bin</c>,
/// CHAR and NO PAD collations. Every mutant of such a seed has a relation that must hold on every such database.</summary>
public static class SoundnessSeeds
{
    /// <summary>Generates <paramref name="count"/> seeds from the random source.</summary>
    public static IReadOnlyList<string> Generate(Random random, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        return Enumerable.Range(0, count).Select(_ => new SoundnessSeedBuilder(random).Query()).ToList();
    }

    /// <summary>The statements that build the database for a seed (tables <c>s1</c> and <c>s2</c>, 4 to 7 rows each, no NULLs).</summary>
    public static IReadOnlyList<string> Database(int seed) => SoundnessSchema.Database(seed);
}
