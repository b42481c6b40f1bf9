namespace MutationHarness.Sql.Tests;

/// <summary>Table names, aliases and schema names are case-sensitive on the server (t1 and T1 are two tables);
/// column names, keywords and CTE names are not (SEMANTICS §2).</summary>
public sealed class CaseSensitivityTests
{
    private const string Seed = "SELECT t1.a FROM db.t1 AS t1 JOIN t2 AS x ON x.b = t1.a WHERE t1.a > 1";

    [Theory]
    [InlineData("SELECT t1.a FROM db.T1 AS t1 JOIN t2 AS x ON x.b = t1.a WHERE 1")]
    [InlineData("SELECT t1.a FROM DB.t1 AS t1 JOIN t2 AS x ON x.b = t1.a WHERE 1")]
    [InlineData("SELECT t1.a FROM db.t1 AS t1 JOIN T2 AS x ON x.b = t1.a WHERE 1")]
    [InlineData("SELECT t1.a FROM db.t1 AS t1 JOIN t2 AS X ON X.b = t1.a WHERE 1")]
    [InlineData("SELECT T1.a FROM db.t1 AS T1 JOIN t2 AS x ON x.b = T1.a WHERE 1")]
    public void A_table_alias_or_schema_name_in_another_case_is_another_change(string mutant)
    {
        var result = Conformance.Check("FixMWhere1U", Seed, mutant);

        Assert.False(result.Conforms);
        Assert.Equal(ConformanceFailure.MoreThanOneSiteChanged, result.Failure);
    }

    [Theory]
    [InlineData("select t1.A from db.t1 as t1 join t2 as x on x.B = t1.a where 1")]
    [InlineData("SELECT `t1`.`A` FROM `db`.`t1` AS `t1` JOIN `t2` AS `x` ON `x`.`b` = `t1`.`A` WHERE (1)")]
    public void Column_names_and_keywords_in_another_case_are_no_change(string mutant)
    {
        var result = Conformance.Check("FixMWhere1U", Seed, mutant);

        Assert.True(result.Conforms, result.Reason);
    }

    [Fact]
    public void A_cte_name_resolves_without_case_so_its_definition_may_change_case()
    {
        const string Original = "WITH c AS (SELECT b FROM u WHERE b > 1) SELECT b FROM c";

        Assert.True(Conformance.Check("FixMCmpOpU", Original, "WITH C AS (SELECT b FROM u WHERE b >= 1) SELECT b FROM c").Conforms);
        Assert.False(Conformance.Check("FixMCmpOpU", Original, "WITH c AS (SELECT b FROM u WHERE b >= 1) SELECT b FROM C").Conforms);
    }
}
