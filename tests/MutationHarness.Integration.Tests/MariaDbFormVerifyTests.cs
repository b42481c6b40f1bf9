using MutationHarness.Core.Pairs;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;
using static MutationHarness.Integration.Tests.HostileRecordTests;

namespace MutationHarness.Integration.Tests;

/// <summary>Issue 10 item 8 through <c>check</c> and <c>verify</c> on the embedded server: pairs written with
/// INTERVAL(n, a, b), OFFSET … FETCH, VALUES, MATCH … AGAINST and JSON_TABLE parse, run and verify where a site
/// beside them keeps its relation; a FETCH that cuts rows leaves none.</summary>
public sealed class MariaDbFormVerifyTests(VerifierFixture fixture)
{
    private const string Table = "`table_7_utf8_undef`";

    public static TheoryData<string, string, string, string[]> Pairs => new()
    {
        { "FixMCmpOpU", $"SELECT `pk` FROM {Table} WHERE INTERVAL(`pk`, 2, 4) > 1", $"SELECT `pk` FROM {Table} WHERE INTERVAL(`pk`, 2, 4) >= 1", [] },
        { "FixMWhere1U", $"SELECT `pk` FROM {Table} WHERE `pk` > 2 ORDER BY `pk` OFFSET 0 ROWS FETCH FIRST 2147483647 ROWS ONLY", $"SELECT `pk` FROM {Table} WHERE 1 ORDER BY `pk` OFFSET 0 ROWS FETCH FIRST 2147483647 ROWS ONLY", [] },
        { "FixMCmpOpU", $"SELECT `pk` FROM {Table} WHERE `pk` IN (VALUES (1), (2), (5)) AND `pk` > 1", $"SELECT `pk` FROM {Table} WHERE `pk` IN (VALUES (1), (2), (5)) AND `pk` >= 1", [] },
        { "FixMUnionAllL", $"SELECT `pk` FROM {Table} UNION ALL VALUES (3)", $"SELECT `pk` FROM {Table} UNION VALUES (3)", [] },
        { "FixMWhere1U", "SELECT `jt`.`x` FROM JSON_TABLE('[1, 2, 3]', '$[*]' COLUMNS (`x` INT PATH '$')) AS `jt` WHERE `jt`.`x` > 1", "SELECT `jt`.`x` FROM JSON_TABLE('[1, 2, 3]', '$[*]' COLUMNS (`x` INT PATH '$')) AS `jt` WHERE 1", [] },
        {
            "FixMCmpOpU", "SELECT `id` FROM `docs` WHERE MATCH (`body`) AGAINST ('apple' IN BOOLEAN MODE) AND `id` > 1",
            "SELECT `id` FROM `docs` WHERE MATCH (`body`) AGAINST ('apple' IN BOOLEAN MODE) AND `id` >= 1",
            ["CREATE TABLE `docs` (`id` INT PRIMARY KEY, `body` TEXT, FULLTEXT KEY (`body`))", "INSERT INTO `docs` VALUES (1, 'apple pie'), (2, 'apple tart'), (3, 'pear')"]
        },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task A_pair_written_with_the_form_verifies_on_the_server(string strategy, string original, string mutant, string[] setup)
    {
        var record = InputRecord.Read(new MutationPair("form", new SourceLocation("test", 1), strategy, original, mutant, "mariadb", null, setup));

        var reports = new List<PairReport>();
        await foreach (var report in fixture.Verifier.VerifyAllAsync(AsAsync(record), TestContext.Current.CancellationToken))
            reports.Add(report);

        Assert.True(reports[0].Verdict == Verdict.Verified, $"{reports[0].Verdict.Name()}: {reports[0].Reason}");
    }

    [Fact]
    public async Task Check_accepts_the_forms_and_names_a_FETCH_that_cuts_rows()
    {
        var (keeps, keepsOut, _) = await CliTests.RunAsync("", "check", "-s", "FixMWhere1U",
            "SELECT a FROM t WHERE a > 1 ORDER BY a FETCH FIRST 2147483647 ROWS ONLY", "SELECT a FROM t WHERE 1 ORDER BY a FETCH FIRST 2147483647 ROWS ONLY");
        var (cuts, cutsOut, _) = await CliTests.RunAsync("", "check", "-s", "FixMWhere1U",
            "SELECT a FROM t WHERE a > 1 ORDER BY a FETCH FIRST 2 ROWS ONLY", "SELECT a FROM t WHERE 1 ORDER BY a FETCH FIRST 2 ROWS ONLY");

        Assert.Equal((0, 1), (keeps, cuts));
        Assert.DoesNotContain("FETCH keeps only the first rows", keepsOut, StringComparison.Ordinal);
        Assert.Contains("FETCH keeps only the first rows", cutsOut, StringComparison.Ordinal);
    }
}
