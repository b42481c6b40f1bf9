namespace MutationHarness.Sql.Tests.Generation;

/// <summary>Why a seed has no mutant under a strategy.</summary>
public sealed class SiteSurveyTests
{
    [Fact]
    public void A_seed_with_no_place_of_the_kind_has_no_sites()
    {
        var survey = SiteSurvey.Of("SELECT a FROM t", "RdMRegExpU");
        Assert.Equal((0, 0), (survey.Sites, survey.Applicable));
        Assert.Empty(survey.Unusable);
    }

    [Fact]
    public void A_place_that_fails_the_precondition_says_which()
    {
        var survey = SiteSurvey.Of("SELECT a FROM t WHERE a LIKE 'x%' AND 'ab' LIKE 'ab'", "RdMLikeL");
        Assert.Equal((2, 0), (survey.Sites, survey.Applicable));
        Assert.Contains(survey.Unusable, u => u.Contains("both operands must be string literals", StringComparison.Ordinal));
        Assert.Contains(survey.Unusable, u => u.Contains("the pattern has no unescaped %", StringComparison.Ordinal));
    }

    [Fact]
    public void A_place_below_a_stop_is_not_reached_and_a_usable_one_counts()
    {
        var survey = SiteSurvey.Of("SELECT (a > 1) AS f FROM t WHERE a = 2", "FixMCmpOpU");
        Assert.Equal((2, 1), (survey.Sites, survey.Applicable));
        Assert.Contains("below a stop", Assert.Single(survey.Unusable), StringComparison.Ordinal);
    }
}
