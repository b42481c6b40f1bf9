namespace MutationHarness.Sql.Tests;

/// <summary>Sites that feed an aggregate or a window function conform, but no containment is expected of them.</summary>
public sealed class AggregationTests
{
    [Theory]
    [InlineData("FixMWhere1U", "SELECT COUNT(*) FROM t WHERE a > 1", "SELECT COUNT(*) FROM t WHERE 1", "SELECT #1 aggregates (COUNT)")]
    [InlineData("FixMWhere0L", "SELECT a, SUM(b) FROM t WHERE a > 1 GROUP BY a", "SELECT a, SUM(b) FROM t WHERE 0 GROUP BY a", "SELECT #1 aggregates (SUM)")]
    [InlineData("FixMOn1U", "SELECT MAX(t.a) + 1 FROM t JOIN u ON t.a = u.b", "SELECT MAX(t.a) + 1 FROM t JOIN u ON 1", "SELECT #1 aggregates (MAX)")]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE a IN (SELECT MAX(b) FROM u WHERE b > 1)", "SELECT a FROM t WHERE a IN (SELECT MAX(b) FROM u WHERE b >= 1)", "SELECT #2 aggregates (MAX)")]
    [InlineData("FixMWhere1U", "SELECT x FROM (SELECT COUNT(*) AS x FROM t WHERE a > 1) AS d", "SELECT x FROM (SELECT COUNT(*) AS x FROM t WHERE 1) AS d", "SELECT #2 aggregates (COUNT)")]
    [InlineData("FixMHaving1U", "SELECT a, ROW_NUMBER() OVER (ORDER BY a) FROM t GROUP BY a HAVING a > 1", "SELECT a, ROW_NUMBER() OVER (ORDER BY a) FROM t GROUP BY a HAVING 1", "SELECT #1 computes a window function (ROW_NUMBER)")]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > 1 ORDER BY a LIMIT 2", "SELECT a FROM t WHERE 1 ORDER BY a LIMIT 2", "LIMIT keeps only the first rows")]
    [InlineData("FixMDistinctU", "SELECT a FROM (SELECT DISTINCT a FROM t ORDER BY a LIMIT 1 OFFSET 1) AS d", "SELECT a FROM (SELECT a FROM t ORDER BY a LIMIT 1 OFFSET 1) AS d", "LIMIT keeps only the first rows")]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE b > 0 GROUP BY a HAVING COUNT(*) < 2", "SELECT a FROM t WHERE 1 GROUP BY a HAVING COUNT(*) < 2", "SELECT #1 aggregates (COUNT)")]
    [InlineData("FixMHaving1U", "SELECT a, COUNT(*), ROW_NUMBER() OVER (ORDER BY a) FROM t GROUP BY a HAVING a > 1", "SELECT a, COUNT(*), ROW_NUMBER() OVER (ORDER BY a) FROM t GROUP BY a HAVING 1", "SELECT #1 computes a window function (ROW_NUMBER)")]
    [InlineData("FixMWhere1U", "SELECT a, b FROM t WHERE c > 0 GROUP BY a", "SELECT a, b FROM t WHERE 1 GROUP BY a", "SELECT #1 groups rows but selects `b`")]
    [InlineData("FixMHaving1U", "SELECT * FROM t GROUP BY a HAVING a > 0", "SELECT * FROM t GROUP BY a HAVING 1", "SELECT #1 groups rows but selects *")]
    public void A_site_that_feeds_an_aggregate_conforms_with_no_expected_relation(string strategy, string original, string mutant, string why)
    {
        var result = Conformance.Check(strategy, original, mutant);

        Assert.True(result.Conforms, result.Reason);
        Assert.StartsWith(why, result.NoRelation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FixMHaving1U", "SELECT a, COUNT(*) FROM t GROUP BY a HAVING COUNT(*) > 1", "SELECT a, COUNT(*) FROM t GROUP BY a HAVING 1")]
    [InlineData("FixMDistinctU", "SELECT DISTINCT COUNT(*) FROM t GROUP BY a", "SELECT COUNT(*) FROM t GROUP BY a")]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > (SELECT MAX(b) FROM u) AND a < 5", "SELECT a FROM t WHERE 1")]
    [InlineData("FixMWhere1U", "SELECT a, COUNT(*) FROM t GROUP BY a HAVING a IN (SELECT b FROM u WHERE b > 1)", "SELECT a, COUNT(*) FROM t GROUP BY a HAVING a IN (SELECT b FROM u WHERE 1)")]
    [InlineData("FixMWhere1U", "SELECT ABS(a) FROM t WHERE a > 1", "SELECT ABS(a) FROM t WHERE 1")]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > 1 LIMIT 2147483647", "SELECT a FROM t WHERE 1 LIMIT 2147483647")]
    [InlineData("FixMWhere1U", "SELECT t.a, b AS x FROM t WHERE c > 0 GROUP BY a, x", "SELECT t.a, b AS x FROM t WHERE 1 GROUP BY a, x")]
    [InlineData("FixMWhere1U", "SELECT a, b FROM t WHERE c > 0 GROUP BY 1, 2", "SELECT a, b FROM t WHERE 1 GROUP BY 1, 2")]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a IN (SELECT b FROM u ORDER BY b LIMIT 1) AND a > 1", "SELECT a FROM t WHERE 1")]
    public void A_site_whose_rows_reach_the_result_unaggregated_keeps_its_relation(string strategy, string original, string mutant)
    {
        var result = Conformance.Check(strategy, original, mutant);

        Assert.True(result.Conforms, result.Reason);
        Assert.Null(result.NoRelation);
    }
}
