namespace MutationHarness.Sql.Tests;

/// <summary>CTEs take the polarity of their references; INTERSECT keeps the flag, EXCEPT flips its right side
/// (SEMANTICS §3). Each failing shape is next to its twin, the same shape where the site is mined.</summary>
public sealed class PolarityTests
{
    private const string Cte = "WITH c AS (SELECT b FROM u WHERE b > 1) ";

    [Theory]
    // A CTE read only under NOT IN takes the flipped direction; read under IN, the plain one.
    [InlineData(Cte + "SELECT a FROM t WHERE a NOT IN (SELECT b FROM c)", false)]
    [InlineData(Cte + "SELECT a FROM t WHERE a IN (SELECT b FROM c)", true)]
    [InlineData(Cte + "SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM c WHERE c.b = t.a)", false)]
    [InlineData(Cte + "SELECT a FROM t WHERE a IN (SELECT b FROM c) AND a IN (SELECT b + 1 FROM c)", true)]
    [InlineData(Cte + "SELECT b FROM c JOIN t ON t.a = c.b", true)]
    [InlineData(Cte + "SELECT b FROM c", true)]
    // Through another CTE: c is read by d, and d under NOT IN.
    [InlineData(Cte + ", d AS (SELECT b FROM c) SELECT a FROM t WHERE a NOT IN (SELECT b FROM d)", false)]
    [InlineData(Cte + ", d AS (SELECT b FROM c) SELECT a FROM t WHERE a IN (SELECT b FROM d)", true)]
    // A CTE name resolves without case, as on the server.
    [InlineData(Cte + "SELECT a FROM t WHERE a NOT IN (SELECT b FROM C)", false)]
    public void A_cte_site_takes_the_polarity_of_its_references(string seed, bool isUpper)
    {
        var mutant = seed.Replace("b > 1", "b >= 1", StringComparison.Ordinal);

        var result = Conformance.Check("FixMCmpOpU", seed, mutant);

        Assert.True(result.Conforms, result.Reason);
        Assert.Equal(isUpper, result.IsUpper);
        Assert.Contains(Mutants.Enumerate(seed, "FixMCmpOpU"), m => m.Sql == mutant && m.IsUpper == isUpper);
    }

    [Theory]
    [InlineData(Cte + "SELECT a FROM t WHERE a IN (SELECT b FROM c) AND a NOT IN (SELECT b + 1 FROM c)", "which is referenced at both polarities")]
    [InlineData(Cte + "SELECT a FROM t LEFT JOIN c ON t.a = c.b", "which is referenced under an outer join")]
    [InlineData(Cte + "SELECT a FROM t WHERE a = (SELECT b FROM c)", "which is referenced in an operand of a comparison")]
    [InlineData(Cte + "SELECT COUNT(*) FROM c", "which is referenced where no containment is expected (SELECT #2 aggregates (COUNT))")]
    [InlineData(Cte + "SELECT a FROM t", "which is never referenced")]
    [InlineData(Cte + ", d AS (SELECT b FROM c) SELECT a FROM t WHERE a IN (SELECT b FROM d) AND a NOT IN (SELECT b FROM c)", "which is referenced at both polarities")]
    [InlineData("WITH RECURSIVE c AS (SELECT b FROM u WHERE b > 1) SELECT b FROM c", "in a recursive WITH")]
    public void A_cte_read_at_both_polarities_or_below_a_stop_has_no_site(string seed, string why)
    {
        var mutant = seed.Replace("b > 1", "b >= 1", StringComparison.Ordinal);

        var result = Conformance.Check("FixMCmpOpU", seed, mutant);

        Assert.False(result.Conforms);
        Assert.Equal(why.Contains("no containment", StringComparison.Ordinal) ? ConformanceFailure.NoExpectedRelation : ConformanceFailure.SiteNotApplicable, result.Failure);
        Assert.Contains(why, result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Mutants.Enumerate(seed, "FixMCmpOpU"), m => m.Sql == mutant);
    }

    [Theory]
    [InlineData("SELECT a FROM t WHERE a > 1 INTERSECT SELECT b FROM u WHERE b > 1", "a > 1", true)]
    [InlineData("SELECT a FROM t WHERE a > 1 INTERSECT SELECT b FROM u WHERE b > 1", "b > 1", true)]
    [InlineData("SELECT a FROM t WHERE a > 1 EXCEPT SELECT b FROM u WHERE b > 1", "a > 1", true)]
    [InlineData("SELECT a FROM t WHERE a > 1 EXCEPT SELECT b FROM u WHERE b > 1", "b > 1", false)]
    [InlineData("SELECT a FROM t WHERE a > 1 EXCEPT ALL SELECT b FROM u WHERE NOT (b > 1)", "b > 1", true)]
    [InlineData("SELECT a FROM t WHERE a > 1 UNION SELECT b FROM u WHERE b > 1", "b > 1", true)]
    public void Intersect_keeps_the_flag_and_except_flips_its_right_side(string seed, string site, bool isUpper)
    {
        var mutant = seed.Replace(site, site.Replace(">", ">=", StringComparison.Ordinal), StringComparison.Ordinal);

        var result = Conformance.Check("FixMCmpOpU", seed, mutant);

        Assert.True(result.Conforms, result.Reason);
        Assert.Equal(isUpper, result.IsUpper);
    }
}
