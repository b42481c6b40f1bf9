using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Tests;

/// <summary>The soundness rules (CTE polarity by reference, no expected relation, hidden aggregation, case-sensitive
/// table names, pattern syntax) on seeds made of their shapes, for every rule: the strategy's rewrite at every
/// site, reached or not, conforms exactly when <c>mutate</c> would offer that site, and the fast path gives the
/// reference's verdict whenever it gives one, also when a table name changes case beside the rewrite.</summary>
public sealed class SoundnessShapeDifferentialTests
{
    private static readonly string[] Seeds =
    [
        "WITH c AS (SELECT b FROM u WHERE b > 1) SELECT a FROM t WHERE a IN (SELECT b FROM c) AND a NOT IN (SELECT b FROM c)",
        "WITH c AS (SELECT DISTINCT b FROM u WHERE b <= 1 AND 'ab' LIKE 'a%') SELECT a FROM t WHERE NOT a IN (SELECT b FROM c)",
        "WITH c AS (SELECT b FROM u WHERE b IN (1, 2)) SELECT a FROM t LEFT JOIN c ON t.a = c.b WHERE a = 1",
        "WITH c AS (SELECT b FROM u WHERE b > 1 UNION SELECT b FROM u) SELECT a FROM t JOIN c ON t.a = c.b AND 1",
        "WITH c AS (SELECT b FROM u HAVING b > 1), d AS (SELECT b FROM c WHERE b < 3) SELECT b FROM d WHERE b = 2",
        "WITH c AS (SELECT b FROM u WHERE b > 1) SELECT a FROM t WHERE a = (SELECT MAX(b) FROM c)",
        "WITH c AS (SELECT b FROM u WHERE b > 1) SELECT COUNT(*) FROM c WHERE b < 5",
        "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r WHERE n > 1",
        "WITH unused AS (SELECT b FROM u WHERE b > 1) SELECT a FROM t WHERE a > 1",
        "SELECT COUNT(*) FROM t WHERE a > 1 AND 'x' REGEXP '^x+$'",
        "SELECT DISTINCT COUNT(*) FROM t WHERE a IN (1, 2) GROUP BY a HAVING COUNT(*) > 1",
        "SELECT a FROM t WHERE a > 1 ORDER BY a LIMIT 2",
        "SELECT a FROM t WHERE a > 1 ORDER BY a LIMIT 2147483647",
        "SELECT a FROM t WHERE a > 1 ORDER BY COUNT(*)",
        "SELECT (SELECT SUM(t.b)) FROM t WHERE a > 1",
        "SELECT (SELECT SUM(u.b) FROM u WHERE u.b < 2) FROM t WHERE a > 1",
        "SELECT a + b FROM t WHERE c > 100 GROUP BY a",
        "SELECT a + 1 FROM t WHERE c > 100 GROUP BY a",
        "SELECT c AS a FROM t WHERE b > 10 GROUP BY a",
        "SELECT a, ROW_NUMBER() OVER (ORDER BY a) FROM t WHERE a > 1",
        "SELECT a FROM (SELECT a FROM t WHERE a >= 1 LIMIT 3) AS d WHERE a != 2",
        "SELECT a FROM t INTERSECT SELECT b FROM u WHERE b > 1",
        "SELECT a FROM t WHERE a < 3 EXCEPT SELECT b FROM u WHERE b = 1",
        "SELECT a FROM t1 AS X JOIN db.T1 ON X.a = T1.a WHERE X.a > 1",
        @"SELECT a FROM t WHERE 'a+' REGEXP '[+]a+\\+b?+c+?d*$' AND 'ab' REGEXP '^a{2}*b*\\*'",
        @"SELECT a FROM t WHERE 'a%b' LIKE 'a\\%b%_' AND 'a|b' LIKE 'a|%b' ESCAPE '|' AND 'ab' NOT LIKE 'a_' ESCAPE ''",
    ];

    public static TheoryData<string> EveryStrategy => [.. StrategyNames.All];

    [Theory]
    [MemberData(nameof(EveryStrategy))]
    public void A_rewrite_conforms_exactly_where_mutate_offers_it_and_the_fast_path_agrees(string strategy)
    {
        var rules = StrategyRuleSet.Default;
        var known = rules.Find(strategy)!;
        var (reached, stopped) = (0, 0);
        foreach (var seed in Seeds)
        {
            var tree = Parser.Parse(seed);
            var offered = Mutants.Enumerate(seed, strategy, randomSeed: 3).Select(m => m.Sql).ToHashSet(StringComparer.Ordinal);
            foreach (var site in SiteWalker.Walk(tree, rules, known))
            {
                for (var i = 0; i < (known.IsRandom ? 4 : 1); i++)
                {
                    var mutant = known.Rule.Rewrite(tree, site, new Random(i)).ApplyTo(seed);
                    if (mutant == seed)
                    {
                        continue;
                    }

                    // Given the rewrite at a site the walk reached or stopped above / When both paths check it
                    var result = Compare(strategy, seed, mutant);

                    // Then it conforms exactly when the site is one mutate mines, in the walk's direction
                    Assert.True(result.Conforms == site.Applicable, $"{strategy} at {site.Describe(seed)} ({site.Stop}, {site.Unmet}): {result.Reason}\n{mutant}");
                    Assert.True(!result.Conforms || result.IsUpper == site.IsUpper, $"{strategy} direction at {site.Describe(seed)}\n{mutant}");
                    Assert.True(site.Applicable || !offered.Contains(mutant), $"mutate offers a mutant at {site.Describe(seed)} ({site.Stop})\n{mutant}");
                    (reached, stopped) = site.Stop is null ? (reached + 1, stopped) : (reached, stopped + 1);

                    // And a table name in another case beside the rewrite is another change on both paths
                    Compare(strategy, seed, mutant.Replace(" t1 ", " T1 ", StringComparison.Ordinal).Replace(" T1 ", " t1 ", StringComparison.Ordinal));
                    Compare(strategy, seed, mutant.Replace("FROM t ", "FROM T ", StringComparison.Ordinal));
                }
            }
        }

        Assert.True(reached + stopped > 0, $"the shapes have no {strategy} site");
    }

    [Fact]
    public void The_shapes_hold_sites_below_each_kind_of_stop()
    {
        var stops = Seeds.SelectMany(seed => SiteWalker.Walk(Parser.Parse(seed))).Select(s => s.Stop?.Where ?? string.Empty).ToList();

        foreach (var expected in new[] { "referenced at both polarities", "referenced under an outer join", "referenced in an operand of a comparison", "referenced where no containment is expected", "recursive WITH",
                     "never referenced", "aggregates (COUNT)", "LIMIT keeps only the first rows", "COUNT in ORDER BY", "SUM in a subquery",
                     "neither grouped nor aggregated", "before the alias", "window" })
        {
            Assert.True(stops.Any(s => s.Contains(expected, StringComparison.Ordinal)), $"{expected} not in: {string.Join(" | ", stops.Distinct())}");
        }
    }

    private static ConformanceResult Compare(string strategy, string original, string mutant)
    {
        var slow = Conformance.CheckSlow(strategy, original, mutant);
        var fast = Conformance.CheckFast(strategy, original, mutant);
        Assert.True(fast is null || slow == fast, $"{strategy}\nslow: {slow}\nfast: {fast}\n{original}\n{mutant}");
        Assert.Equal(slow, Conformance.Check(strategy, original, mutant));
        return slow;
    }
}
