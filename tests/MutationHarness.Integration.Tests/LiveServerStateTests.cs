using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;
using static MutationHarness.Integration.Tests.HostileRecordTests;

namespace MutationHarness.Integration.Tests;

/// <summary>Issue 10 item 7 through <c>check</c> and <c>verify</c>: a pair reading live server state carries the
/// flag (a broken relation is unstable, never a bug); its twin over static metadata verifies unflagged.</summary>
public sealed class LiveServerStateTests(VerifierFixture fixture)
{
    private const string Live = "SELECT ID FROM information_schema.PROCESSLIST WHERE ID > 0";
    private const string LiveMutant = "SELECT ID FROM information_schema.PROCESSLIST WHERE 1";
    private const string Static = "SELECT COLLATION_NAME FROM information_schema.COLLATIONS WHERE ID > 2";
    private const string StaticMutant = "SELECT COLLATION_NAME FROM information_schema.COLLATIONS WHERE 1";

    [Fact]
    public async Task Check_names_a_live_read_and_stays_silent_on_static_metadata()
    {
        // When the live pair and its static twin are checked
        var (liveExit, liveOut, _) = await CliTests.RunAsync("", "check", "-s", "FixMWhere1U", Live, LiveMutant);
        var (staticExit, staticOut, _) = await CliTests.RunAsync("", "check", "-s", FixMCmpOpU, Static, Static.Replace("> 2", ">= 2", StringComparison.Ordinal));

        // Then both conform, and only the live one is flagged, by name
        Assert.Equal((0, 0), (liveExit, staticExit));
        Assert.Contains("non-deterministic: live server state (information_schema.PROCESSLIST)", liveOut, StringComparison.Ordinal);
        Assert.DoesNotContain("non-deterministic", staticOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_flags_a_live_read_and_verifies_its_static_twin()
    {
        // Given the two pairs
        var records = new[] { Record("live", Live, LiveMutant, "FixMWhere1U"), Record("static", Static, StaticMutant, "FixMWhere1U") };

        // When verified
        var reports = new List<PairReport>();
        await foreach (var report in fixture.Verifier.VerifyAllAsync(AsAsync(records), TestContext.Current.CancellationToken))
            reports.Add(report);

        // Then the live read is flagged (and never a bug candidate), and the static twin verifies with no flag
        Assert.Contains("live server state (information_schema.PROCESSLIST)", reports[0].Flags);
        Assert.NotEqual(Verdict.RelationViolated, reports[0].Verdict);
        Assert.Empty(reports[1].Flags);
        Assert.True(reports[1].Verdict == Verdict.Verified, $"{reports[1].Verdict.Name()}: {reports[1].Reason}");
    }

    [Fact]
    public async Task What_information_schema_lists_changes_with_other_records_setups_so_a_pair_reading_it_is_flagged()
    {
        // Given another record's setup database, loaded while this pair runs
        var target = fixture.Verifier.OpenTargets[0].Target;
        var other = await target.LoadFixtureAsync(new Core.Fixtures.FixtureScript("setup of another record", ["CREATE TABLE zz_another_records_table (a INT)"])
            { Budget = Core.Fixtures.SetupBudget.Default }, TestContext.Current.CancellationToken);
        const string original = "SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_NAME = 'zz_another_records_table'";
        try
        {
            // When a pair reading information_schema.COLUMNS is verified
            var report = await fixture.Verifier.VerifyAsync(Record("columns", original, original.Replace("TABLE_NAME = 'zz_another_records_table'", "1", StringComparison.Ordinal), "FixMWhere1U"),
                TestContext.Current.CancellationToken);

            // Then it saw the other record's table (so its rows depend on which records run beside it), and it is flagged
            Assert.Equal(1, report.Targets[0].Databases[0].Original!.Rows);
            Assert.Contains("live server state (information_schema.COLUMNS)", report.Flags);
        }
        finally
        {
            await target.DropFixtureAsync(other, CancellationToken.None);
        }
    }

    private const string FixMCmpOpU = "FixMCmpOpU";
}
