using MutationHarness.Core.Pairs;
using MutationHarness.Sql;

namespace MutationHarness.TestSupport;

/// <summary>Upstream-shaped seeds from the SQL engine's generator, each mutated by up to three strategies in rotation,
/// so that a fixed sample covers nearly every strategy.</summary>
public static class GeneratedPairs
{
    /// <summary>The first <paramref name="count"/> pairs of generator seed 11, with ids <c>gen-1</c>, <c>gen-2</c>, ….</summary>
    public static IReadOnlyList<MutationPair> Sample(int count)
    {
        var pairs = new List<MutationPair>(count);
        var seeds = SeedQueryGenerator.Generate(new Random(11), count);
        for (var s = 0; s < seeds.Count && pairs.Count < count; s++)
        {
            var oneEach = Mutants.Enumerate(seeds[s], randomSeed: pairs.Count).GroupBy(m => m.Strategy).Select(g => g.First()).ToList();
            foreach (var mutant in oneEach.Skip(s % Math.Max(1, oneEach.Count)).Concat(oneEach).Take(Math.Min(3, oneEach.Count)))
            {
                if (pairs.Count == count)
                    break;
                var number = pairs.Count + 1;
                pairs.Add(new MutationPair($"gen-{number}", new SourceLocation("generated", number), mutant.Strategy, seeds[s], mutant.Sql, "mariadb", null, []));
            }
        }
        return pairs;
    }
}
