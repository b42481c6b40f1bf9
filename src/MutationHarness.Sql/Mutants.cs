using MutationHarness.Sql.Mutation;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;

namespace MutationHarness.Sql;

/// <summary>Enumerates the mutants of a seed: one per site for FixM*, a few random ones per site for RdM*.</summary>
public static class Mutants
{
    /// <summary>Random mutants tried per RdM* site (duplicates are dropped).</summary>
    public const int RandomTriesPerSite = 3;

    /// <summary>Every mutant of the seed for one strategy (or all 18), in site order; throws SqlSyntaxError if it does not parse.</summary>
    public static IReadOnlyList<Mutant> Enumerate(string seed, string? strategy = null, int randomSeed = 0)
    {
        Strategy? only = null;
        if (strategy is not null)
        {
            only = StrategyNames.TryGet(strategy, out var known) ? known : throw new ArgumentException($"Unknown strategy '{strategy}'.", nameof(strategy));
        }

        var tree = Parser.Parse(seed);
        var random = new Random(randomSeed);
        var mutants = new List<Mutant>();
        foreach (var site in SiteWalker.Walk(tree))
        {
            if (!site.Applicable || (only is not null && site.Strategy != only))
            {
                continue;
            }

            var tries = StrategyNames.IsRandom(site.Strategy) ? RandomTriesPerSite : 1;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < tries; i++)
            {
                var sql = MutantWriter.Write(tree, site, random);
                if (seen.Add(sql) && sql != seed)
                {
                    mutants.Add(new Mutant(site.Strategy.ToString(), sql, site.Describe(seed), site.IsUpper));
                }
            }
        }

        return mutants;
    }
}
