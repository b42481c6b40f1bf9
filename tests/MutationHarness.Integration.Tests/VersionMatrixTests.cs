using MutationHarness.Core.Verdicts;
using MutationHarness.Suites;
using MutationHarness.Tests;
using MutationHarness.Verification;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Integration.Tests;

/// <summary>The corpus on MariaDB 10.5, 10.11 (this machine's) and 11.8: per-version verdicts, the differential summary.</summary>
[Collection(VersionMatrixFixture.Collection)]
public sealed class VersionMatrixTests(VersionMatrixFixture fixture)
{
    // Measured by running the corpus on 10.5.23 (Debian 11), 10.11.19 (Debian 12) and 11.8.9 (Debian 13), and pinned in the
    // shipped suite: four break their relation only on 10.5 (mysql-04 prints 0.0 beside 0 there, the MySQL bug the report
    // is about, long fixed in MariaDB 10.11; the three MDEVs were fixed after 10.5); 11.8 breaks exactly the seventeen 10.11 breaks.
    private static readonly Suite Suite = SuiteReader.Read(RepositoryFiles.Path("fixtures", "suites", "bug-reports.yaml"));
    private static readonly ServerIdentity MariaDb105 = new("local:mariadb:10.5", "MariaDb", "10.5.23");
    private static readonly ServerIdentity MariaDb1011 = new("local:mariadb", "MariaDb", "10.11.19");
    private static readonly string[] BrokenOnlyOn105 = [.. Suite.Expectations.Pairs.Keys.Where(id =>
        Suite.Expectations.VerdictFor(id, MariaDb105) == Verdict.RelationViolated && Suite.Expectations.VerdictFor(id, MariaDb1011) == Verdict.Verified)];

    [Fact]
    public async Task The_shipped_suite_holds_on_every_version()
    {
        var reports = await fixture.CorpusAsync();
        var servers = fixture.Verifier.OpenTargets
            .Select(t => new ServerIdentity(t.Target.Name, t.Target.Server.Flavor.ToString(), t.Target.Server.Version)).ToList();
        var judgement = new SuiteJudgement(Suite, servers);
        foreach (var report in reports.Values)
            judgement.Add(report);
        judgement.Complete();

        Assert.True(judgement.AllHeld, SuiteReports.Text(judgement));
        Assert.Equal(["mysql-04", "mariadb-03", "mariadb-07", "mariadb-09"], BrokenOnlyOn105);
    }

    [Fact]
    public void Each_version_target_runs_a_server_of_that_version()
    {
        var servers = fixture.Verifier.OpenTargets.Select(t => (t.Target.Name, t.Target.Server.Version)).ToList();

        Assert.Equal(VersionMatrixFixture.Targets, servers.Select(s => s.Name));
        Assert.StartsWith("10.5.", servers[0].Version, StringComparison.Ordinal);
        Assert.StartsWith("10.11.", servers[1].Version, StringComparison.Ordinal);
        Assert.StartsWith("11.8.", servers[2].Version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_corpus_verdicts_split_by_version_and_each_report_names_the_affected_targets()
    {
        var reports = await fixture.CorpusAsync();

        Assert.Equal(41, reports.Count);
        foreach (var (id, report) in reports.Where(r => r.Key != "tidb-03"))
        {
            var everywhere = Suite.Expectations.VerdictFor(id, MariaDb1011) == Verdict.RelationViolated;
            string[] affected = everywhere ? VersionMatrixFixture.Targets : BrokenOnlyOn105.Contains(id) ? ["local:mariadb:10.5"] : [];
            Assert.True(affected.SequenceEqual(report.Affected()), $"{id}: affected [{string.Join(", ", report.Affected())}], expected [{string.Join(", ", affected)}]");
            Assert.Equal(VersionMatrixFixture.Targets.Except(affected), report.Unaffected());
            Assert.Equal(affected.Length > 0 ? Verdict.RelationViolated : Verdict.Verified, report.Verdict);
        }

        // mysql-04: DISTINCT makes 10.5 print 0.0 where the seed printed 0; the witness is the server's own text.
        var mysql04 = Assert.Single(reports["mysql-04"].Targets[0].Databases);
        Assert.Equal(["0.0"], Assert.Single(mysql04.Relation!.Witness).Cells);
    }

    [Fact]
    public async Task The_differential_summary_counts_strategy_by_target_and_lists_the_pairs_that_differ()
    {
        var reports = await fixture.CorpusAsync();
        var differential = new DifferentialSummary();
        foreach (var report in reports.Values)
            differential.Add(report);

        Assert.Equal(VersionMatrixFixture.Targets, differential.Targets);
        Assert.Equal(BrokenOnlyOn105.Order(), differential.Differing.Select(p => p.Id).Order());
        Assert.Equal(21, differential.CandidateCount);
        // FixMDistinctL: mysql-04, mariadb-07 and mariadb-09 move from verified to violated on 10.5.
        Assert.Equal(Count("FixMDistinctL", "local:mariadb", Verdict.RelationViolated) + 3, Count("FixMDistinctL", "local:mariadb:10.5", Verdict.RelationViolated));
        Assert.Equal("holds", DifferentialSummary.Short(differential.Differing[0], "local:mariadb:11.8"));
        Assert.Equal("VIOLATED", DifferentialSummary.Short(differential.Differing[0], "local:mariadb:10.5"));

        var page = MarkdownReport.Render(Summary(reports.Values), differential);
        Assert.Contains("| mysql-04 | FixMDistinctL | VIOLATED | holds | holds |", page, StringComparison.Ordinal);
        Assert.Contains("| mysql-04 | FixMDistinctL | local:mariadb:10.5 | local:mariadb, local:mariadb:11.8 |", page, StringComparison.Ordinal);

        int Count(string strategy, string target, Verdict verdict) => differential.Count(strategy, target, verdict);
    }

    [Fact]
    public async Task JUnit_has_one_case_per_pair_and_target_and_failures_carry_the_reason_and_witness()
    {
        var reports = await fixture.CorpusAsync();
        var path = Path.Combine(Directory.CreateTempSubdirectory("junit").FullName, "verify.xml");
        await using (var junit = JUnitReportWriter.Create(path, VersionMatrixFixture.Targets))
        {
            foreach (var report in reports.Values)
                await junit.AddAsync(report, TestContext.Current.CancellationToken);
            await junit.CompleteAsync(TestContext.Current.CancellationToken);
        }

        var xml = System.Xml.Linq.XDocument.Load(path);
        var cases = xml.Descendants("testcase").ToList();
        Assert.Equal(41 * 3, cases.Count);
        Assert.Equal(VersionMatrixFixture.Targets, xml.Descendants("testsuite").Select(s => (string)s.Attribute("name")!));
        var mysql04 = cases.Where(c => ((string)c.Attribute("name")!).StartsWith("mysql-04 ", StringComparison.Ordinal)).ToList();
        Assert.Equal([true, false, false], mysql04.Select(c => c.Element("failure") is not null));
        var failure = mysql04[0].Element("failure")!;
        Assert.Equal("relation-violated", (string)failure.Attribute("type")!);
        Assert.Contains("witness:", failure.Value, StringComparison.Ordinal);
        Assert.Equal(17 * 3 + 4, xml.Descendants("failure").Count(f => (string)f.Attribute("type")! == "relation-violated"));
        Assert.Empty(Directory.EnumerateFiles(Path.GetDirectoryName(path)!, "*.part"));
    }

    private static VerificationSummary Summary(IEnumerable<PairReport> reports)
    {
        var summary = new VerificationSummary();
        foreach (var report in reports)
            summary.Add(report);
        return summary;
    }
}
