using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Tests.Strategies;

/// <summary>Which FixMRmUnionAllL mutants removed a branch below the top of the query, where the union's column types
/// are read by the query around it (SEMANTICS §4, types).</summary>
public sealed class NestedUnionRemovalTests
{
    [Theory]
    [InlineData("SELECT b FROM (SELECT b FROM u UNION ALL SELECT 'zz') AS d", "SELECT b FROM (SELECT b FROM u) AS d")]
    [InlineData("WITH d AS (SELECT b FROM u UNION ALL SELECT 'zz') SELECT b FROM d", "WITH d AS (SELECT b FROM u) SELECT b FROM d")]
    [InlineData("SELECT a FROM t WHERE a IN (SELECT b FROM u UNION ALL SELECT 2)", "SELECT a FROM t WHERE a IN (SELECT b FROM u)")]
    [InlineData("SELECT a FROM (SELECT a FROM t UNION ALL SELECT 1) d UNION ALL SELECT 2", "SELECT a FROM (SELECT a FROM t) d UNION ALL SELECT 2")]
    public void A_branch_removed_below_the_top_is_nested(string original, string mutated) =>
        Assert.True(NestedUnionRemoval.RemovesNestedBranch(original, mutated));

    [Theory]
    [InlineData("SELECT b FROM u UNION ALL SELECT 'zz'", "SELECT b FROM u")]
    [InlineData("(SELECT b FROM u) UNION ALL (SELECT 'zz')", "(SELECT b FROM u)")]
    [InlineData("WITH d AS (SELECT b FROM u) SELECT b FROM d UNION ALL SELECT 'zz'", "WITH d AS (SELECT b FROM u) SELECT b FROM d")]
    [InlineData("SELECT a FROM (SELECT a FROM t UNION ALL SELECT 1) d UNION ALL SELECT 2", "SELECT a FROM (SELECT a FROM t UNION ALL SELECT 1) d")]
    public void The_query_s_own_union_is_not_nested(string original, string mutated) =>
        Assert.False(NestedUnionRemoval.RemovesNestedBranch(original, mutated));
}
