using MutationHarness.Core.Pairs;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests;

/// <summary>SEMANTICS §4 on the embedded MariaDB: where a query keeps one representative of values its column's collation
/// calls equal, another spelling is no violation (also trailing spaces under MariaDB's PAD SPACE <c>_bin</c>); binary,
/// NO PAD and case under <c>_bin</c> stay exact. FixMRmUnionAllL compares
/// numbers by value where the dropped branch changed the column's type; nothing else does.</summary>
public sealed class CollationAndTypeTests(VerifierFixture fixture)
{
    private async Task<PairReport> VerifyAsync(string id, string strategy, string original, string mutated, params string[] setup)
    {
        var record = InputRecord.Read(new MutationPair(id, new SourceLocation("test", 1), strategy, original, mutated, "mariadb", null, setup));
        return await fixture.Verifier.VerifyAsync(record, TestContext.Current.CancellationToken);
    }

    private static string Table(string column) =>
        $"CREATE TABLE t (c {column}, k INT)";

    private static RelationRun Relation(PairReport report) => Assert.Single(report.Targets[0].Databases).Relation!;

    [Theory]
    [InlineData("VARCHAR(10) COLLATE utf8mb4_general_ci", "'a'", "'A'")]
    [InlineData("VARCHAR(10) COLLATE utf8mb4_unicode_ci", "'a'", "'A'")]
    [InlineData("VARCHAR(10) COLLATE utf8mb4_uca1400_ai_ci", "'a'", "'A'")]
    [InlineData("VARCHAR(10) CHARACTER SET latin1 COLLATE latin1_swedish_ci", "'ä'", "'Ä'")]
    [InlineData("VARCHAR(10) COLLATE utf8mb4_general_ci", "'x'", "'x '")]
    [InlineData("VARCHAR(10) COLLATE utf8mb4_bin", "'x'", "'x '")]
    public async Task DISTINCT_printing_another_spelling_of_an_equal_value_verifies(string column, string first, string second)
    {
        // Given a table where DISTINCT over all rows keeps the first spelling, and the seed sees only the second
        var report = await VerifyAsync("ci-" + column.GetHashCode(StringComparison.Ordinal), "FixMWhere1U",
            "SELECT DISTINCT c FROM t WHERE k > 1", "SELECT DISTINCT c FROM t WHERE 1",
            Table(column), $"INSERT INTO t VALUES ({first}, 1), ({second}, 2)");

        // Then the exact texts differ, but under the column's collation the relation holds, and the report says how
        Assert.Equal(Verdict.Verified, report.Verdict);
        Assert.Contains("under", Relation(report).Note);
    }

    [Theory]
    [InlineData("utf8mb4_bin", "'a'", "'A'")]
    [InlineData("utf8mb4_nopad_bin", "'x'", "'x '")]
    [InlineData("utf8mb4_general_nopad_ci", "'x'", "'x '")]
    [InlineData("binary", "'a'", "'A'")]
    public async Task The_same_shape_printed_under_a_bin_NO_PAD_or_binary_collation_stays_a_violation(string outer, string first, string second)
    {
        // Given the same DISTINCT, its column then shown under an exact collation
        var show = outer == "binary" ? "CAST(c AS BINARY)" : $"c COLLATE {outer}";
        var report = await VerifyAsync("bin-" + outer, "FixMWhere1U",
            $"SELECT {show} FROM (SELECT DISTINCT c FROM t WHERE k > 1) AS d", $"SELECT {show} FROM (SELECT DISTINCT c FROM t WHERE 1) AS d",
            Table("VARCHAR(10) COLLATE utf8mb4_general_ci"), $"INSERT INTO t VALUES ({first}, 1), ({second}, 2)");

        // Then the text difference is a violation, with the exact text as witness
        Assert.Equal(Verdict.RelationViolated, report.Verdict);
        Assert.NotEmpty(Relation(report).Witness);
    }

    [Fact]
    public async Task FixMRmUnionAllL_compares_FLOAT_by_value_when_the_dropped_branch_made_the_column_DOUBLE()
    {
        // Given a FLOAT column unioned with a DOUBLE branch (prints 12.991000175476074) and alone (prints 12.991)
        var report = await VerifyAsync("rm-float", "FixMRmUnionAllL",
            "SELECT x FROM f UNION ALL SELECT 0.5e0 FROM f", "SELECT x FROM f",
            "CREATE TABLE f (x FLOAT, i INT, d DECIMAL(3,1))", "INSERT INTO f VALUES (12.991, 1, 1.0)");

        // Then the relation holds by value under the wider type
        Assert.Equal(Verdict.Verified, report.Verdict);
        Assert.Contains("by value", Relation(report).Note);
    }

    [Theory]
    [InlineData("SELECT x FROM f UNION ALL SELECT 0.5e0 FROM f")] // a DOUBLE column: 123456.703125
    [InlineData("SELECT x FROM f UNION ALL SELECT 'abc' FROM f")] // a string column: 123456.70312, 12.991000175
    public async Task FixMRmUnionAllL_compares_a_FLOAT_at_the_six_digits_it_prints_alone(string original)
    {
        // Given FLOAT values that print with 6 significant digits alone (123457) and more in the union's column
        var report = await VerifyAsync("rm-float6-" + original.Length, "FixMRmUnionAllL", original, "SELECT x FROM f",
            "CREATE TABLE f (x FLOAT)", "INSERT INTO f VALUES (123456.7), (-12.991), (0.00001)");

        // Then the relation holds by value (the unit twin: a FLOAT of other digits stays another value)
        Assert.True(report.Verdict == Verdict.Verified, report.Reason);
        Assert.Contains("by value", Relation(report).Note);
    }

    [Fact]
    public async Task FixMRmUnionAllL_compares_DECIMAL_by_value_when_the_dropped_branch_added_decimals()
    {
        var report = await VerifyAsync("rm-decimal", "FixMRmUnionAllL",
            "SELECT i FROM f UNION ALL SELECT d FROM f", "SELECT i FROM f",
            "CREATE TABLE f (x FLOAT, i INT, d DECIMAL(3,1))", "INSERT INTO f VALUES (12.991, 1, 2.5)");

        Assert.Equal(Verdict.Verified, report.Verdict);
        Assert.Contains("by value", Relation(report).Note);
    }

    private static readonly string[] NumbersTable = ["CREATE TABLE u (b INT)", "INSERT INTO u VALUES (1), (2), (5)"];

    [Theory]
    [InlineData("SELECT b FROM (SELECT b FROM u UNION ALL SELECT 'zz') AS d WHERE b = '05'", "SELECT b FROM (SELECT b FROM u) AS d WHERE b = '05'")]
    [InlineData("WITH d AS (SELECT b FROM u UNION ALL SELECT 'zz') SELECT b FROM d WHERE b = '05'", "WITH d AS (SELECT b FROM u) SELECT b FROM d WHERE b = '05'")]
    public async Task FixMRmUnionAllL_below_the_top_whose_dropped_branch_changed_the_compared_type_is_no_bug_candidate(string original, string mutated)
    {
        // Given a union nested in the query, whose string branch makes the outer b = '05' a string comparison (no row),
        // and without it a number comparison (5 = '05'): the mutant gains a row for the type change alone
        var report = await VerifyAsync("rm-nested-" + original.Length, "FixMRmUnionAllL", original, mutated, NumbersTable);

        // Then its broken relation is unstable, saying why it is not a logic-bug candidate
        Assert.Equal(Verdict.Unstable, report.Verdict);
        Assert.Contains(Sql.Strategies.NestedUnionRemoval.Caveat, report.Reason, StringComparison.Ordinal);
        Assert.Contains("not a bug candidate", report.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT b FROM (SELECT b FROM u UNION ALL SELECT 7) AS d WHERE b > 1", "SELECT b FROM (SELECT b FROM u) AS d WHERE b > 1")]
    [InlineData("SELECT b FROM u WHERE b NOT IN (SELECT b FROM u WHERE b > 4 UNION ALL SELECT 2)", "SELECT b FROM u WHERE b NOT IN (SELECT b FROM u WHERE b > 4)")]
    [InlineData("SELECT b FROM u UNION ALL SELECT 'zz'", "SELECT b FROM u")]
    [InlineData("WITH d AS (SELECT b FROM u) SELECT b FROM d UNION ALL SELECT 'zz'", "WITH d AS (SELECT b FROM u) SELECT b FROM d")]
    public async Task FixMRmUnionAllL_whose_relation_holds_verifies_unflagged_nested_or_at_the_top(string original, string mutated)
    {
        // Twins: the same nested shapes with branches of one type (also at upper polarity, under NOT IN), and the
        // top-level union, whose type change shows in the result and is compared by value
        var report = await VerifyAsync("rm-twin-" + original.Length, "FixMRmUnionAllL", original, mutated, NumbersTable);

        Assert.True(report.Verdict == Verdict.Verified, $"{report.Verdict}: {report.Reason}");
        Assert.Empty(report.Flags);
    }
}
