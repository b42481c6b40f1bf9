namespace MutationHarness.Sql.Tests;

public sealed class StrategyTests
{
    [Theory]
    [InlineData("FixMDistinctU", "SELECT DISTINCT a FROM t", "SELECT a FROM t", true)]
    [InlineData("FixMDistinctL", "SELECT a FROM t", "SELECT DISTINCT a FROM t", false)]
    [InlineData("FixMDistinctL", "SELECT a FROM t WHERE NOT EXISTS (SELECT b FROM u)", "SELECT a FROM t WHERE NOT EXISTS (SELECT DISTINCT b FROM u)", true)]
    [InlineData("FixMUnionAllU", "SELECT a FROM t UNION SELECT b FROM u", "SELECT a FROM t UNION ALL SELECT b FROM u", true)]
    [InlineData("FixMUnionAllU", "(SELECT a FROM t) UNION DISTINCT (SELECT b FROM u)", "(SELECT a FROM t) UNION ALL (SELECT b FROM u)", true)]
    [InlineData("FixMUnionAllL", "SELECT a FROM t UNION ALL SELECT b FROM u", "SELECT a FROM t UNION SELECT b FROM u", false)]
    [InlineData("FixMRmUnionAllL", "(SELECT a FROM t) UNION ALL (SELECT b FROM u)", "(SELECT a FROM t)", false)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE a = 1", "SELECT a FROM t WHERE a >= 1", true)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE a < 1", "SELECT a FROM t WHERE a <= 1", true)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE a = b LIKE 'x'", "SELECT a FROM t WHERE a >= b LIKE 'x'", true)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE NOT (a > 1)", "SELECT a FROM t WHERE NOT (a >= 1)", false)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE (a > 0) IS FALSE", "SELECT a FROM t WHERE (a >= 0) IS FALSE", false)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE (a > 0) IS NOT TRUE", "SELECT a FROM t WHERE (a >= 0) IS NOT TRUE", false)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE (a > 0) IS NOT FALSE", "SELECT a FROM t WHERE (a >= 0) IS NOT FALSE", true)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE (a > 0) IS TRUE", "SELECT a FROM t WHERE (a >= 0) IS TRUE", true)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE !(a = 0)", "SELECT a FROM t WHERE !(a >= 0)", false)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE a = ALL (SELECT b FROM u)", "SELECT a FROM t WHERE a >= ALL (SELECT b FROM u)", true)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE a = ALL (SELECT b FROM u WHERE b = 2)", "SELECT a FROM t WHERE a = ALL (SELECT b FROM u WHERE b >= 2)", false)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE a NOT IN (SELECT b FROM u WHERE b = 2)", "SELECT a FROM t WHERE a NOT IN (SELECT b FROM u WHERE b >= 2)", false)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE a IN (SELECT b FROM u WHERE b = 2)", "SELECT a FROM t WHERE a IN (SELECT b FROM u WHERE b >= 2)", true)]
    [InlineData("FixMCmpOpL", "SELECT a FROM t WHERE a >= 1", "SELECT a FROM t WHERE a > 1", false)]
    [InlineData("FixMCmpOpL", "SELECT a FROM t WHERE a != 1", "SELECT a FROM t WHERE a < 1", false)]
    [InlineData("FixMCmpOpL", "SELECT a FROM t WHERE a <> 1", "SELECT a FROM t WHERE a < 1", false)]
    [InlineData("FixMCmpOpL", "SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE b <= 1)", "SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE b < 1)", true)]
    [InlineData("FixMInNullU", "SELECT a FROM t WHERE a IN (1, 2)", "SELECT a FROM t WHERE a IN (1, 2, NULL)", true)]
    [InlineData("FixMInNullU", "SELECT a FROM t WHERE a NOT IN (1, 2)", "SELECT a FROM t WHERE a NOT IN (1,2,NULL)", false)]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > 1", "SELECT a FROM t WHERE 1", true)]
    [InlineData("FixMWhere0L", "SELECT a FROM t WHERE a > 1", "SELECT a FROM t WHERE 0", false)]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE b > 1)", "SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE 1)", false)]
    [InlineData("FixMHaving1U", "SELECT a AS f FROM t HAVING f > 1", "SELECT a AS f FROM t HAVING 1", true)]
    [InlineData("FixMHaving0L", "SELECT a AS f FROM t HAVING f > 1", "select a as f from t having (0)", false)]
    [InlineData("FixMOn1U", "SELECT a FROM t JOIN u ON t.a = u.b", "SELECT a FROM t JOIN u ON 1", true)]
    [InlineData("FixMOn0L", "SELECT a FROM t STRAIGHT_JOIN u ON t.a = u.b", "SELECT a FROM t STRAIGHT_JOIN u ON 0", false)]
    [InlineData("RdMLikeU", "SELECT a FROM t WHERE 'abc' LIKE 'abc'", "SELECT a FROM t WHERE 'abc' LIKE 'a%c'", true)]
    [InlineData("RdMLikeU", "SELECT a FROM t WHERE 'abc' LIKE 'abc'", "SELECT a FROM t WHERE 'abc' LIKE 'a_c'", true)]
    [InlineData("RdMLikeU", "SELECT a FROM t WHERE 'abc' NOT LIKE 'abc'", "SELECT a FROM t WHERE 'abc' NOT LIKE '%%%'", false)]
    [InlineData("RdMLikeL", "SELECT a FROM t WHERE 'abc' LIKE 'a%'", "SELECT a FROM t WHERE 'abc' LIKE 'a_'", false)]
    [InlineData("RdMRegExpU", "SELECT a FROM t WHERE 'abc' REGEXP '^ab+c$'", "SELECT a FROM t WHERE 'abc' REGEXP 'ab*c'", true)]
    [InlineData("RdMRegExpL", "SELECT a FROM t WHERE 'abc' REGEXP 'ab*c'", "SELECT a FROM t WHERE 'abc' REGEXP 'ab?c'", false)]
    public void A_mutant_made_by_the_strategy_conforms_with_the_polarity_direction(string strategy, string original, string mutant, bool isUpper)
    {
        // Given a pair made by the strategy at one site, When checked, Then it conforms with the walk's direction.
        var result = Conformance.Check(strategy, original, mutant);

        Assert.True(result.Conforms, $"{result.Failure}: {result.Reason}");
        Assert.Equal(isUpper, result.IsUpper);
        Assert.NotNull(result.Site);
    }

    [Theory]
    [InlineData("FixMDistinctL", "SELECT a FROM t ORDER BY a", "SELECT DISTINCT a FROM t ORDER BY a", ConformanceFailure.PreconditionNotMet, null)]
    [InlineData("FixMDistinctL", "WITH c AS (SELECT 1 AS x) SELECT x FROM c", "WITH c AS (SELECT 1 AS x) SELECT DISTINCT x FROM c", ConformanceFailure.PreconditionNotMet, null)]
    [InlineData("FixMDistinctU", "SELECT a FROM t", "SELECT DISTINCT a FROM t", ConformanceFailure.ChangeNotMadeByStrategy, "FixMDistinctL")]
    [InlineData("FixMOn1U", "SELECT a FROM t LEFT JOIN u ON t.a = u.b", "SELECT a FROM t LEFT JOIN u ON 1", ConformanceFailure.SiteNotApplicable, null)]
    [InlineData("FixMCmpOpU", "SELECT ABS(a = 1) FROM t", "SELECT ABS(a >= 1) FROM t", ConformanceFailure.SiteNotApplicable, null)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE ABS(a = 1)", "SELECT a FROM t WHERE ABS(a >= 1)", ConformanceFailure.SiteNotApplicable, null)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE (a = 1) BETWEEN 0 AND 1", "SELECT a FROM t WHERE (a >= 1) BETWEEN 0 AND 1", ConformanceFailure.SiteNotApplicable, null)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE a <=> 1", "SELECT a FROM t WHERE a >= 1", ConformanceFailure.ChangeNotMadeByStrategy, null)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE a = 1", "SELECT a FROM t WHERE a > 1", ConformanceFailure.ChangeNotMadeByStrategy, null)]
    [InlineData("FixMCmpOpU", "SELECT a FROM t WHERE a >= 1", "SELECT a FROM t WHERE a > 1", ConformanceFailure.ChangeNotMadeByStrategy, "FixMCmpOpL")]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > 1", "SELECT a FROM t WHERE 0", ConformanceFailure.ChangeNotMadeByStrategy, "FixMWhere0L")]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > 1", "SELECT b FROM t WHERE 1", ConformanceFailure.MoreThanOneSiteChanged, null)]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > 1", "select  A from t /* c */ where a>1", ConformanceFailure.NothingChanged, null)]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > 1", "SELECT a FROM T WHERE a > 1", ConformanceFailure.ChangeNotMadeByStrategy, null)]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > 1", "SELECT a FROM T WHERE 1", ConformanceFailure.MoreThanOneSiteChanged, null)]
    [InlineData("FixMWhere1U", "SELECT a FROM t WHERE a > 1", "SELECT a FROM t WHERE", ConformanceFailure.DoesNotParse, null)]
    [InlineData("FixMWhere1U", "SELECT a FROM t", "SELECT a FROM t WHERE 1", ConformanceFailure.ChangeNotMadeByStrategy, null)]
    [InlineData("FixMInNullU", "SELECT a FROM t WHERE a IN (SELECT b FROM u)", "SELECT a FROM t WHERE a IN (SELECT b FROM u UNION SELECT NULL)", ConformanceFailure.ChangeNotMadeByStrategy, null)]
    [InlineData("RdMLikeU", "SELECT a FROM t WHERE 'abc' LIKE 'a%'", "SELECT a FROM t WHERE 'abc' LIKE 'a_'", ConformanceFailure.ChangeNotMadeByStrategy, "RdMLikeL")]
    [InlineData("RdMLikeU", "SELECT a FROM t WHERE 'abc' LIKE 'abc'", "SELECT a FROM t WHERE 'abc' LIKE 'ab'", ConformanceFailure.ChangeNotMadeByStrategy, null)]
    [InlineData("RdMLikeU", "SELECT a FROM t WHERE a LIKE 'abc'", "SELECT a FROM t WHERE a LIKE 'a%c'", ConformanceFailure.PreconditionNotMet, null)]
    [InlineData("RdMRegExpL", "SELECT a FROM t WHERE 'abc' REGEXP 'ab*c'", "SELECT a FROM t WHERE 'abc' REGEXP 'ab.c'", ConformanceFailure.ChangeNotMadeByStrategy, null)]
    [InlineData("FixMOn1U", "SELECT a FROM t JOIN u ON t.a = u.b", "SELECT a FROM t JOIN u ON 0", ConformanceFailure.ChangeNotMadeByStrategy, "FixMOn0L")]
    [InlineData("FixMUnionAllU", "SELECT a FROM t UNION ALL SELECT b FROM u", "SELECT a FROM t UNION SELECT b FROM u", ConformanceFailure.ChangeNotMadeByStrategy, "FixMUnionAllL")]
    [InlineData("FixMUnionAllL", "SELECT a FROM t UNION SELECT b FROM u", "SELECT a FROM t UNION ALL SELECT b FROM u", ConformanceFailure.ChangeNotMadeByStrategy, "FixMUnionAllU")]
    [InlineData("FixMRmUnionAllL", "(SELECT a FROM t) UNION (SELECT b FROM u)", "(SELECT a FROM t)", ConformanceFailure.PreconditionNotMet, null)]
    [InlineData("FixMHaving1U", "SELECT a FROM t GROUP BY a HAVING a > 1", "SELECT a FROM t GROUP BY a HAVING 0", ConformanceFailure.ChangeNotMadeByStrategy, "FixMHaving0L")]
    [InlineData("FixMHaving0L", "SELECT a FROM t GROUP BY a HAVING a > 1", "SELECT a FROM t GROUP BY a HAVING 1", ConformanceFailure.ChangeNotMadeByStrategy, "FixMHaving1U")]
    [InlineData("FixMOn0L", "SELECT a FROM t JOIN u ON t.a = u.b", "SELECT a FROM t JOIN u ON 1", ConformanceFailure.ChangeNotMadeByStrategy, "FixMOn1U")]
    [InlineData("FixMWhere0L", "SELECT a FROM t WHERE a > 1", "SELECT a FROM t WHERE 1", ConformanceFailure.ChangeNotMadeByStrategy, "FixMWhere1U")]
    [InlineData("FixMCmpOpL", "SELECT a FROM t WHERE a > 1", "SELECT a FROM t WHERE a >= 1", ConformanceFailure.ChangeNotMadeByStrategy, "FixMCmpOpU")]
    [InlineData("RdMLikeL", "SELECT a FROM t WHERE 'abc' LIKE 'a_c'", "SELECT a FROM t WHERE 'abc' LIKE 'a%c'", ConformanceFailure.ChangeNotMadeByStrategy, "RdMLikeU")]
    [InlineData("RdMRegExpU", "SELECT a FROM t WHERE 'abc' REGEXP 'ab*c'", "SELECT a FROM t WHERE 'abc' REGEXP 'ab+c'", ConformanceFailure.ChangeNotMadeByStrategy, "RdMRegExpL")]
    [InlineData("NoSuchStrategy", "SELECT 1", "SELECT 2", ConformanceFailure.UnknownStrategy, null)]
    public void A_pair_the_strategy_did_not_make_is_rejected_with_the_reason(string strategy, string original, string mutant, ConformanceFailure failure, string? other)
    {
        var result = Conformance.Check(strategy, original, mutant);

        Assert.False(result.Conforms);
        Assert.Equal(failure, result.Failure);
        Assert.Equal(other, result.OtherStrategy);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Fact]
    public void There_are_18_known_strategies_with_their_suffix_direction()
    {
        Assert.Equal(18, StrategyNames.All.Count);
        Assert.All(StrategyNames.All, name => Assert.True(StrategyNames.IsKnown(name)));
        Assert.True(StrategyNames.IsUpper("FixMOn1U"));
        Assert.False(StrategyNames.IsUpper("RdMRegExpL"));
        Assert.False(StrategyNames.IsKnown("fixmon1u"));
    }
}
