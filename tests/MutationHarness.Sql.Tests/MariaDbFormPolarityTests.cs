namespace MutationHarness.Sql.Tests;

/// <summary>How the polarity walk reads the forms of issue 10 item 8 (SEMANTICS §3): OFFSET, FETCH and ROWS EXAMINED
/// cut rows like LIMIT (no expected relation, upstream's 2147483647 rows excepted); a VALUES row, MATCH … AGAINST and
/// JSON_TABLE are function-like, with no site below them; sites beside them keep their relation.</summary>
public sealed class MariaDbFormPolarityTests
{
    [Theory]
    [InlineData("SELECT a FROM t WHERE a > 1 ORDER BY a FETCH FIRST 2 ROWS ONLY", "SELECT a FROM t WHERE 1 ORDER BY a FETCH FIRST 2 ROWS ONLY", "FETCH keeps only the first rows")]
    [InlineData("SELECT a FROM t WHERE a > 1 ORDER BY a FETCH NEXT ROW ONLY", "SELECT a FROM t WHERE 1 ORDER BY a FETCH NEXT ROW ONLY", "FETCH keeps only the first rows")]
    [InlineData("SELECT a FROM t WHERE a > 1 ORDER BY a FETCH FIRST 2 ROWS WITH TIES", "SELECT a FROM t WHERE 1 ORDER BY a FETCH FIRST 2 ROWS WITH TIES", "FETCH keeps only the first rows")]
    [InlineData("SELECT a FROM t WHERE a > 1 ORDER BY a OFFSET 1 ROWS FETCH FIRST 2147483647 ROWS ONLY", "SELECT a FROM t WHERE 1 ORDER BY a OFFSET 1 ROWS FETCH FIRST 2147483647 ROWS ONLY", "FETCH keeps only the first rows")]
    [InlineData("SELECT a FROM t WHERE a > 1 ORDER BY a OFFSET 1 ROWS", "SELECT a FROM t WHERE 1 ORDER BY a OFFSET 1 ROWS", "OFFSET skips the first rows")]
    [InlineData("SELECT a FROM t WHERE a > 1 LIMIT 2147483647 ROWS EXAMINED 100", "SELECT a FROM t WHERE 1 LIMIT 2147483647 ROWS EXAMINED 100", "ROWS EXAMINED stops after reading")]
    [InlineData("SELECT a FROM t WHERE a > 1 LIMIT ROWS EXAMINED 100", "SELECT a FROM t WHERE 1 LIMIT ROWS EXAMINED 100", "ROWS EXAMINED stops after reading")]
    [InlineData("SELECT d.a FROM (SELECT a FROM t WHERE a > 1 ORDER BY a FETCH FIRST 1 ROWS ONLY) AS d", "SELECT d.a FROM (SELECT a FROM t WHERE 1 ORDER BY a FETCH FIRST 1 ROWS ONLY) AS d", "FETCH keeps only the first rows")]
    public void OFFSET_FETCH_and_ROWS_EXAMINED_leave_no_expected_relation(string original, string mutant, string why)
    {
        var result = Conformance.Check("FixMWhere1U", original, mutant);

        Assert.Equal(ConformanceFailure.NoExpectedRelation, result.Failure);
        Assert.Contains("where no containment is expected (" + why, result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Mutants.Enumerate(original, "FixMWhere1U"), m => m.Sql == mutant);
    }

    [Theory]
    [InlineData("SELECT a FROM t WHERE a > 1 FETCH FIRST 2147483647 ROWS ONLY", "SELECT a FROM t WHERE 1 FETCH FIRST 2147483647 ROWS ONLY")]
    [InlineData("SELECT a FROM t WHERE a > 1 ORDER BY a FETCH FIRST 2147483647 ROWS WITH TIES", "SELECT a FROM t WHERE 1 ORDER BY a FETCH FIRST 2147483647 ROWS WITH TIES")]
    [InlineData("SELECT a FROM t WHERE a > 1 ORDER BY a OFFSET 0 ROWS", "SELECT a FROM t WHERE 1 ORDER BY a OFFSET 0 ROWS")]
    [InlineData("SELECT a FROM t WHERE a > 1 ORDER BY a OFFSET 0 ROWS FETCH NEXT 2147483647 ROWS ONLY", "SELECT a FROM t WHERE 1 ORDER BY a OFFSET 0 ROWS FETCH NEXT 2147483647 ROWS ONLY")]
    [InlineData("SELECT a FROM t WHERE a > 1 AND a IN (SELECT b FROM u ORDER BY b FETCH FIRST 1 ROWS ONLY)", "SELECT a FROM t WHERE 1")]
    public void Their_twins_that_cut_no_row_keep_the_relation(string original, string mutant)
    {
        var result = Conformance.Check("FixMWhere1U", original, mutant);

        Assert.True(result.Conforms, result.Reason);
        Assert.Contains(Mutants.Enumerate(original, "FixMWhere1U"), m => m.Sql == mutant);
    }

    [Theory]
    [InlineData("SELECT * FROM (VALUES (1 > 0), (2)) AS v", "SELECT * FROM (VALUES (1 >= 0), (2)) AS v", "in a row of VALUES")]
    [InlineData("SELECT a FROM t WHERE a IN (VALUES (1), ((SELECT MAX(b) FROM u WHERE b > 0)))", "SELECT a FROM t WHERE a IN (VALUES (1), ((SELECT MAX(b) FROM u WHERE b >= 0)))", "in a row of VALUES")]
    [InlineData("SELECT a FROM t WHERE MATCH (a) AGAINST ((SELECT c FROM u WHERE c > 0))", "SELECT a FROM t WHERE MATCH (a) AGAINST ((SELECT c FROM u WHERE c >= 0))", "in an operand of MATCH … AGAINST")]
    [InlineData("SELECT * FROM t, JSON_TABLE((SELECT j FROM u WHERE k > 0), '$[*]' COLUMNS (x INT PATH '$')) AS jt", "SELECT * FROM t, JSON_TABLE((SELECT j FROM u WHERE k >= 0), '$[*]' COLUMNS (x INT PATH '$')) AS jt", "in an argument of JSON_TABLE()")]
    public void A_site_inside_VALUES_MATCH_or_JSON_TABLE_is_below_a_stop(string original, string mutant, string stop)
    {
        var result = Conformance.Check("FixMCmpOpU", original, mutant);

        Assert.False(result.Conforms);
        Assert.Equal(ConformanceFailure.SiteNotApplicable, result.Failure);
        Assert.Contains(stop, result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Mutants.Enumerate(original, "FixMCmpOpU"), m => m.Sql == mutant);
    }

    [Theory]
    [InlineData("FixMCmpOpU", "SELECT * FROM (VALUES (1), (2)) AS v WHERE 1 > 0", "SELECT * FROM (VALUES (1), (2)) AS v WHERE 1 >= 0", true)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE a IN (VALUES (1), (2)) AND b > 0", "SELECT a FROM t WHERE a IN (VALUES (1), (2)) AND b >= 0", true)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE NOT EXISTS (VALUES (1)) OR b > 0", "SELECT a FROM t WHERE NOT EXISTS (VALUES (1)) OR b >= 0", true)]
    [InlineData("FixMUnionAllL", "SELECT a FROM t WHERE a > 0 UNION ALL VALUES (3)", "SELECT a FROM t WHERE a > 0 UNION VALUES (3)", false)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE MATCH (a) AGAINST ('x' IN BOOLEAN MODE) AND b > 0", "SELECT a FROM t WHERE MATCH (a) AGAINST ('x' IN BOOLEAN MODE) AND b >= 0", true)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE NOT MATCH (a) AGAINST ('x') AND b > 0", "SELECT a FROM t WHERE NOT MATCH (a) AGAINST ('x') AND b >= 0", true)]
    [InlineData("FixMWhere0L", "SELECT a FROM t WHERE MATCH (a) AGAINST ('x')", "SELECT a FROM t WHERE 0", false)]
    [InlineData("FixMCmpOpU", "SELECT * FROM t JOIN JSON_TABLE(t.j, '$[*]' COLUMNS (x INT PATH '$')) AS jt ON jt.x > t.a", "SELECT * FROM t JOIN JSON_TABLE(t.j, '$[*]' COLUMNS (x INT PATH '$')) AS jt ON jt.x >= t.a", true)]
    [InlineData("FixMWhere1U", "SELECT * FROM t, JSON_TABLE(t.j, '$[*]' COLUMNS (x INT PATH '$')) AS jt WHERE jt.x > 1", "SELECT * FROM t, JSON_TABLE(t.j, '$[*]' COLUMNS (x INT PATH '$')) AS jt WHERE 1", true)]
    public void A_site_beside_them_keeps_its_relation(string strategy, string original, string mutant, bool isUpper)
    {
        var result = Conformance.Check(strategy, original, mutant);

        Assert.True(result.Conforms, result.Reason);
        Assert.Equal(isUpper, result.IsUpper);
        Assert.Contains(Mutants.Enumerate(original, strategy), m => m.Sql == mutant);
    }
}
