using MutationHarness.Core.Pairs;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;
using MutationHarness.Verification.Reports;
using static MutationHarness.Integration.Tests.HostileRecordTests;

namespace MutationHarness.Integration.Tests;

/// <summary>MariaDB bugs the benchmark's generated pairs and the soundness self-test meet (issue 10), each pinned
/// with a hand-checked reproduction on 10.5, 10.11 and 11.8, beside its twin that verifies. Listed in the README
/// under "How the harness decides".</summary>
[Collection(VersionMatrixFixture.Collection)]
public sealed class KnownServerBugTests(VersionMatrixFixture fixture)
{
    private static readonly string[] FloatTable = ["CREATE TABLE `tf` (`f` FLOAT NOT NULL)", "INSERT INTO `tf` VALUES (12.991), (1.009)"];

    /// <summary>Benchmark pair bench-76 (FixMDistinctU): SELECT DISTINCT (and GROUP BY) cut CAST(-f AS CHAR) of a FLOAT
    /// to the FLOAT's display width, so removing DISTINCT prints other values: '-12.991000175' with DISTINCT,
    /// '-12.991000175476074' without. DISTINCT may drop duplicates, never change a value.</summary>
    [Fact]
    public async Task DISTINCT_truncates_the_text_of_a_negated_FLOAT_on_every_version()
    {
        var reports = await VerifyAsync(
            Pair("bug", "SELECT DISTINCT CAST(-`f` AS CHAR) AS `c` FROM `tf`", "SELECT CAST(-`f` AS CHAR) AS `c` FROM `tf`"),
            Pair("twin", "SELECT DISTINCT CAST(`f` AS CHAR) AS `c` FROM `tf`", "SELECT CAST(`f` AS CHAR) AS `c` FROM `tf`"));

        Assert.Equal(Verdict.RelationViolated, reports[0].Verdict);
        Assert.Equal(VersionMatrixFixture.Targets, reports[0].Affected());
        var witness = reports[0].Targets.Select(t => Assert.Single(t.Databases).Relation!.Witness.Select(w => w.Cells[0]).Order().ToList());
        Assert.All(witness, cells => Assert.Equal(["-1.0089999437", "-12.991000175"], cells));
        Assert.True(reports[1].Verdict == Verdict.Verified, $"{reports[1].Verdict.Name()}: {reports[1].Reason}");
    }

    /// <summary>Soundness self-test pair sound-241-1 (FixMRmUnionAllL, random seed 2026, 300 seeds): a SELECT made
    /// aggregate by a subquery over its own column (<c>(SELECT MAX(ts.s))</c>), over no row, prints NULL for a NOT NULL
    /// string column alone, but '' as a UNION ALL branch, so dropping the other branch makes a row the seed never
    /// had (an INT column prints 0). Neither is any row's value: there is no row. With the aggregate written in the
    /// select list, the column stays NULL in both.</summary>
    [Fact]
    public async Task UNION_ALL_prints_an_empty_group_s_NULL_as_the_type_s_default_on_every_version()
    {
        string[] table = ["CREATE TABLE `ts` (`s` VARCHAR(8) NOT NULL, `n` INT NOT NULL, `k` INT NOT NULL)", "INSERT INTO `ts` VALUES ('a', 1, 1), ('b', 2, 2)"];
        var reports = await VerifyAsync(
            Record("bug", "FixMRmUnionAllL", "SELECT `s`, (SELECT MAX(`ts`.`s`)) FROM `ts` WHERE `k` > 5 UNION ALL SELECT `s`, `s` FROM `ts` WHERE `k` > 5", "SELECT `s`, (SELECT MAX(`ts`.`s`)) FROM `ts` WHERE `k` > 5", table),
            Record("twin", "FixMRmUnionAllL", "SELECT `s`, MAX(`s`) FROM `ts` WHERE `k` > 5 UNION ALL SELECT `s`, `s` FROM `ts` WHERE `k` > 5", "SELECT `s`, MAX(`s`) FROM `ts` WHERE `k` > 5", table));

        Assert.Equal(Verdict.RelationViolated, reports[0].Verdict);
        Assert.Equal(VersionMatrixFixture.Targets, reports[0].Affected());
        Assert.All(reports[0].Targets, t => Assert.Equal([null, null], Assert.Single(Assert.Single(t.Databases).Relation!.Witness).Cells));
        Assert.True(reports[1].Verdict == Verdict.Verified, $"{reports[1].Verdict.Name()}: {reports[1].Reason}");
    }

    private static InputRecord Record(string id, string strategy, string original, string mutant, string[] setup) =>
        InputRecord.Read(new MutationPair(id, new SourceLocation("test", 1), strategy, original, mutant, "mariadb", null, setup));

    private static InputRecord Pair(string id, string original, string mutant) => Record(id, "FixMDistinctU", original, mutant, FloatTable);

    private async Task<List<PairReport>> VerifyAsync(params InputRecord[] records)
    {
        var reports = new List<PairReport>();
        await foreach (var report in fixture.Verifier.VerifyAllAsync(AsAsync(records), TestContext.Current.CancellationToken))
            reports.Add(report);
        return reports;
    }
}
