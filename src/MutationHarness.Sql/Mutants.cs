using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql;

/// <summary>Enumerates the mutants of a seed: one per site for FixM*, a few random ones per site for RdM*.</summary>
public static class Mutants
{
    /// <summary>Random mutants tried per RdM* site (duplicates are dropped).</summary>
    public const int RandomTriesPerSite = 3;

    /// <summary>Every mutant of the seed for one strategy (or all of them), in site order; throws SqlSyntaxError if it does not parse.</summary>
    public static IReadOnlyList<Mutant> Enumerate(string seed, string? strategy = null, int randomSeed = 0) =>
        Enumerate(StrategyRuleSet.Default, seed, strategy, randomSeed);

    /// <summary>The same under another rule set (a strategy being added).</summary>
    internal static IReadOnlyList<Mutant> Enumerate(StrategyRuleSet rules, string seed, string? strategy, int randomSeed)
    {
        Strategy? only = null;
        if (strategy is not null)
        {
            only = rules.Find(strategy) ?? throw new ArgumentException($"Unknown strategy '{strategy}'.", nameof(strategy));
        }

        var tree = Parser.Parse(seed);
        var random = new Random(randomSeed);
        var mutants = new List<Mutant>();
        foreach (var site in SiteWalker.Walk(tree, rules, only))
        {
            if (!site.Applicable)
            {
                continue;
            }

            // Each rewrite is a text edit of the seed, so everything outside the site stays byte-identical.
            var tries = site.Strategy.IsRandom ? RandomTriesPerSite : 1;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < tries; i++)
            {
                var sql = site.Strategy.Rule.Rewrite(tree, site, random).ApplyTo(seed);
                if (seen.Add(sql) && sql != seed)
                {
                    mutants.Add(new Mutant(site.Strategy.Name, sql, site.Describe(seed), site.IsUpper));
                }
            }
        }

        return mutants;
    }
}
