namespace MutationHarness.Sql.Tests;

/// <summary>A site whose rows reach the output only through an aggregate, a window function, a LIMIT or an arbitrary
/// row of a group has no expected relation: it is not a site (non-conforming, naming the stop), and its twin of the
/// same shape, whose rows do reach the output, conforms.</summary>
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
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > 1 LIMIT 2147483647 OFFSET 1", "SELECT a FROM t WHERE 1 LIMIT 2147483647 OFFSET 1", "LIMIT keeps only the first rows")]
    [InlineData("FixMDistinctU", "SELECT a FROM (SELECT DISTINCT a FROM t ORDER BY a LIMIT 1 OFFSET 1) AS d", "SELECT a FROM (SELECT a FROM t ORDER BY a LIMIT 1 OFFSET 1) AS d", "LIMIT keeps only the first rows")]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE b > 0 GROUP BY a HAVING COUNT(*) < 2", "SELECT a FROM t WHERE 1 GROUP BY a HAVING COUNT(*) < 2", "SELECT #1 aggregates (COUNT)")]
    [InlineData("FixMHaving1U", "SELECT a, COUNT(*), ROW_NUMBER() OVER (ORDER BY a) FROM t GROUP BY a HAVING a > 1", "SELECT a, COUNT(*), ROW_NUMBER() OVER (ORDER BY a) FROM t GROUP BY a HAVING 1", "SELECT #1 computes a window function (ROW_NUMBER)")]
    [InlineData("FixMWhere1U", "SELECT a, b FROM t WHERE c > 0 GROUP BY a", "SELECT a, b FROM t WHERE 1 GROUP BY a", "SELECT #1 groups rows but selects `b`")]
    [InlineData("FixMHaving1U", "SELECT * FROM t GROUP BY a HAVING a > 0", "SELECT * FROM t GROUP BY a HAVING 1", "SELECT #1 groups rows but selects *")]
    // Hidden aggregation: an aggregate in ORDER BY, or in a subquery that reads only the outer SELECT's columns.
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > 0 ORDER BY COUNT(*)", "SELECT a FROM t WHERE 1 ORDER BY COUNT(*)", "SELECT #1 aggregates (COUNT in ORDER BY)")]
    [InlineData("FixMWhere1U", "SELECT (SELECT SUM(t.b)) FROM t WHERE a > 0", "SELECT (SELECT SUM(t.b)) FROM t WHERE 1", "SELECT #1 aggregates (SUM in a subquery")]
    [InlineData("FixMWhere0L", "SELECT a FROM t WHERE a > 0 GROUP BY a HAVING EXISTS (SELECT 1 FROM u WHERE u.c = MAX(t.b))", "SELECT a FROM t WHERE 0 GROUP BY a HAVING EXISTS (SELECT 1 FROM u WHERE u.c = MAX(t.b))", "SELECT #1 aggregates (MAX in a subquery")]
    // Arbitrary rows: an expression over an ungrouped column; a GROUP BY name that MariaDB reads as a FROM column.
    [InlineData("FixMWhere1U", "SELECT a + b FROM t WHERE c > 0 GROUP BY a", "SELECT a + b FROM t WHERE 1 GROUP BY a", "SELECT #1 groups rows but selects `b`")]
    [InlineData("FixMWhere1U", "SELECT c AS a FROM t WHERE b > 0 GROUP BY a", "SELECT c AS a FROM t WHERE 1 GROUP BY a", "SELECT #1 groups rows but selects `c` AS `a`, while GROUP BY `a` reads a column of FROM")]
    [InlineData("FixMWhere1U", "SELECT t.a, b AS x FROM t WHERE c > 0 GROUP BY a, x", "SELECT t.a, b AS x FROM t WHERE 1 GROUP BY a, x", "SELECT #1 groups rows but selects `b` AS `x`")]
    [InlineData("FixMWhere1U", "SELECT c AS a FROM (SELECT a, c FROM t) AS d WHERE c > 0 GROUP BY a", "SELECT c AS a FROM (SELECT a, c FROM t) AS d WHERE 1 GROUP BY a", "SELECT #1 groups rows but selects `c` AS `a`, while GROUP BY `a` reads a column of FROM")]
    [InlineData("FixMWhere1U", "SELECT c AS x FROM (SELECT * FROM t) AS d WHERE c > 0 GROUP BY x", "SELECT c AS x FROM (SELECT * FROM t) AS d WHERE 1 GROUP BY x", "SELECT #1 groups rows but selects `c` AS `x`, while GROUP BY `x` reads a column of FROM")]
    [InlineData("FixMWhere1U", "SELECT c AS x FROM (SELECT b, c FROM t) AS d(x, c) WHERE c > 0 GROUP BY x", "SELECT c AS x FROM (SELECT b, c FROM t) AS d(x, c) WHERE 1 GROUP BY x", "SELECT #1 groups rows but selects `c` AS `x`, while GROUP BY `x` reads a column of FROM")]
    // Any row's value: DISTINCT and HAVING read it, and a group may show another row's value with more rows or
    // another plan (found by the soundness self-test); also beside an aggregate with no GROUP BY (one group).
    [InlineData("FixMDistinctU", "SELECT DISTINCT a, b FROM t GROUP BY a", "SELECT a, b FROM t GROUP BY a", "SELECT #1 groups rows but selects `b`")]
    [InlineData("FixMDistinctL", "SELECT a, b FROM t GROUP BY a", "SELECT DISTINCT a, b FROM t GROUP BY a", "SELECT #1 groups rows but selects `b`")]
    [InlineData("FixMHaving1U", "SELECT a, b, COUNT(*) FROM t GROUP BY a HAVING b > 0", "SELECT a, b, COUNT(*) FROM t GROUP BY a HAVING 1", "SELECT #1 aggregates (COUNT) but selects `b`")]
    [InlineData("FixMDistinctU", "SELECT DISTINCT a, MAX(b) FROM t", "SELECT a, MAX(b) FROM t", "SELECT #1 aggregates (MAX) but selects `a`")]
    public void A_site_with_no_expected_relation_is_not_a_site(string strategy, string original, string mutant, string why)
    {
        var result = Conformance.Check(strategy, original, mutant);

        Assert.False(result.Conforms);
        Assert.Equal(ConformanceFailure.NoExpectedRelation, result.Failure);
        Assert.Contains("where no containment is expected (" + why, result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Mutants.Enumerate(original, strategy), m => m.Sql == mutant);
    }

    [Theory]
    [InlineData("FixMHaving1U", "SELECT a, COUNT(*) FROM t GROUP BY a HAVING COUNT(*) > 1", "SELECT a, COUNT(*) FROM t GROUP BY a HAVING 1")]
    [InlineData("FixMDistinctU", "SELECT DISTINCT COUNT(*) FROM t GROUP BY a", "SELECT COUNT(*) FROM t GROUP BY a")]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > (SELECT MAX(b) FROM u) AND a < 5", "SELECT a FROM t WHERE 1")]
    [InlineData("FixMWhere1U", "SELECT a, COUNT(*) FROM t GROUP BY a HAVING a IN (SELECT b FROM u WHERE b > 1)", "SELECT a, COUNT(*) FROM t GROUP BY a HAVING a IN (SELECT b FROM u WHERE 1)")]
    [InlineData("FixMWhere1U", "SELECT ABS(a) FROM t WHERE a > 1", "SELECT ABS(a) FROM t WHERE 1")]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > 1 LIMIT 2147483647", "SELECT a FROM t WHERE 1 LIMIT 2147483647")]
    [InlineData("FixMWhere1U", "SELECT a, b FROM t WHERE c > 0 GROUP BY 1, 2", "SELECT a, b FROM t WHERE 1 GROUP BY 1, 2")]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a IN (SELECT b FROM u ORDER BY b LIMIT 1) AND a > 1", "SELECT a FROM t WHERE 1")]
    // The twins of the hidden forms: ORDER BY without an aggregate; a subquery aggregating its own rows; an
    // expression over grouped columns only; an alias that names the very column it groups by.
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > 0 ORDER BY ABS(a)", "SELECT a FROM t WHERE 1 ORDER BY ABS(a)")]
    [InlineData("FixMWhere1U", "SELECT (SELECT SUM(u.b) FROM u) FROM t WHERE a > 0", "SELECT (SELECT SUM(u.b) FROM u) FROM t WHERE 1")]
    [InlineData("FixMWhere1U", "SELECT a + 1, a * 2 FROM t WHERE c > 0 GROUP BY a", "SELECT a + 1, a * 2 FROM t WHERE 1 GROUP BY a")]
    [InlineData("FixMWhere1U", "SELECT a + b FROM t WHERE c > 0 GROUP BY a + b", "SELECT a + b FROM t WHERE 1 GROUP BY a + b")]
    [InlineData("FixMWhere1U", "SELECT a AS a FROM t WHERE b > 0 GROUP BY a", "SELECT a AS a FROM t WHERE 1 GROUP BY a")]
    // A GROUP BY name no table of FROM can have is the select alias: FROM holds only derived tables, all columns known.
    [InlineData("FixMWhere1U", "SELECT c AS x FROM (SELECT b, c FROM t) AS d WHERE b > 0 GROUP BY x", "SELECT c AS x FROM (SELECT b, c FROM t) AS d WHERE 1 GROUP BY x")]
    [InlineData("FixMWhere1U", "SELECT d.c AS x FROM (SELECT b, c FROM t) AS d JOIN (SELECT b AS y FROM u) AS e ON d.b = e.y WHERE d.b > 0 GROUP BY x", "SELECT d.c AS x FROM (SELECT b, c FROM t) AS d JOIN (SELECT b AS y FROM u) AS e ON d.b = e.y WHERE 1 GROUP BY x")]
    // Their twins: every selected column grouped or aggregated.
    [InlineData("FixMDistinctU", "SELECT DISTINCT a, COUNT(*) FROM t GROUP BY a", "SELECT a, COUNT(*) FROM t GROUP BY a")]
    [InlineData("FixMHaving1U", "SELECT a, COUNT(*) FROM t GROUP BY a HAVING a > 0", "SELECT a, COUNT(*) FROM t GROUP BY a HAVING 1")]
    [InlineData("FixMDistinctL", "SELECT a, b FROM t GROUP BY a, b", "SELECT DISTINCT a, b FROM t GROUP BY a, b")]
    public void A_site_whose_rows_reach_the_result_unaggregated_keeps_its_relation(string strategy, string original, string mutant)
    {
        var result = Conformance.Check(strategy, original, mutant);

        Assert.True(result.Conforms, result.Reason);
        Assert.Contains(Mutants.Enumerate(original, strategy), m => m.Sql == mutant);
    }
}
