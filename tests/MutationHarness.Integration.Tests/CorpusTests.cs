using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Suites;
using MutationHarness.Tests;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests;

/// <summary>The 41 real bug reports, each run with its own setup on the embedded MariaDB 10.11; their verdicts there are
/// pinned in fixtures/suites/bug-reports.yaml.</summary>
public sealed class CorpusTests(VerifierFixture fixture)
{
    private async Task<Dictionary<string, PairReport>> VerifyCorpusAsync()
    {
        var verifier = fixture.Verifier;
        var files = InputSources.Expand([SharedPaths.Corpus]);
        var records = new RecordReader(StrategyCatalog.Default).ReadAsync(files, TextReader.Null, TestContext.Current.CancellationToken);
        var reports = new Dictionary<string, PairReport>();
        await foreach (var report in verifier.VerifyAllAsync(records, TestContext.Current.CancellationToken))
            reports.Add(report.Id, report);
        return reports;
    }

    [Fact]
    public async Task Every_corpus_record_gets_the_verdict_the_shipped_suite_expects_on_MariaDB_10_11()
    {
        // Given the suite that pins the corpus's verdicts on MariaDB 10.11 (17 known bugs, tidb-03 rejected, 23 verified)
        var suite = SuiteReader.Read(RepositoryFiles.Path("fixtures", "suites", "bug-reports.yaml"));
        var open = Assert.Single(fixture.Verifier.OpenTargets).Target;
        var judgement = new SuiteJudgement(suite, [new ServerIdentity(open.Name, open.Server.Flavor.ToString(), open.Server.Version)]);

        // When the corpus runs
        foreach (var report in (await VerifyCorpusAsync()).Values)
            judgement.Add(report);
        judgement.Complete();

        // Then every expectation holds
        Assert.True(judgement.AllHeld, SuiteReports.Text(judgement));
        Assert.Equal(41, judgement.Cases.Count);
        Assert.Equal(17, judgement.Cases.Count(c => c.Known && c.Expected == Verdict.RelationViolated));
    }

    [Fact]
    public async Task Violations_carry_the_expected_direction_from_the_polarity_walk_and_a_witness()
    {
        var reports = await VerifyCorpusAsync();

        // mysql-14 and tidb-10 are FixMCmpOpU under NOT: an upper strategy whose result must shrink.
        Assert.False(reports["tidb-10"].Expected!.IsUpper);
        Assert.False(reports["mysql-14"].Expected!.IsUpper);
        Assert.All(reports.Values.Where(r => r.Expected is not null), r => Assert.Equal("polarity", r.Expected!.From));

        // mariadb-13: FLOAT text changes under DISTINCT (MDEV-30301); the witness is the exact server text.
        var run = Assert.Single(Assert.Single(reports["mariadb-13"].Targets).Databases);
        Assert.Equal(["0.00009999999747378752"], Assert.Single(run.Relation!.Witness).Cells);
        Assert.Equal(run.Relation.Runs, run.Relation.Violations);

        // tidb-11: the mutant lost both rows the original had.
        var tidb11 = Assert.Single(Assert.Single(reports["tidb-11"].Targets).Databases);
        Assert.Equal((2, 0), (tidb11.Original!.Rows, tidb11.Mutated!.Rows));
    }
}
