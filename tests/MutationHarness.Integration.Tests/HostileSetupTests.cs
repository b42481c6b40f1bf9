using System.Diagnostics;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests;

/// <summary>A record's own setup is input: it may not reach the databases other pairs run on, nor run past the deadline.</summary>
public sealed class HostileSetupTests(VerifierFixture fixture)
{
    private const string Table = "`table_7_utf8_undef`";

    private static InputRecord WithSetup(string id, params string[] setup) =>
        InputRecord.Read(new MutationPair(id, new SourceLocation("test", 1), "FixMWhere1U",
            "SELECT c FROM t WHERE c > 1", "SELECT c FROM t WHERE 1", "mariadb", null, setup));

    private async Task<int> SharedRowsAsync(Verifier verifier)
    {
        var probe = HostileRecordTests.Record("probe", $"SELECT pk FROM {Table} WHERE pk > 0", $"SELECT pk FROM {Table} WHERE 1", "FixMWhere1U");
        var report = await verifier.VerifyAsync(probe, TestContext.Current.CancellationToken);
        Assert.Equal(Verdict.Verified, report.Verdict);
        return report.Targets[0].Databases[0].Mutated!.Rows!.Value;
    }

    [Fact]
    public async Task A_setup_that_deletes_from_the_shared_database_is_refused_and_the_shared_rows_stay()
    {
        // Given the shared database other pairs run on, and a record whose setup tries to empty one of its tables
        var verifier = fixture.Verifier;
        var shared = verifier.OpenTargets[0].Databases[0].Name;
        var before = await SharedRowsAsync(verifier);
        Assert.True(before > 0);
        var hostile = WithSetup("hostile", "CREATE TABLE t (c INT)", "INSERT INTO t VALUES (1), (2)",
            $"DELETE FROM `{shared}`.{Table}");

        // When it is verified
        var report = await verifier.VerifyAsync(hostile, TestContext.Current.CancellationToken);

        // Then its setup fails on the grant, and the shared table still holds every row
        Assert.Equal(Verdict.NotExecutable, report.Verdict);
        var run = Assert.Single(report.Targets[0].Databases);
        Assert.Contains("denied", run.SetupError, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await SharedRowsAsync(verifier));
    }

    [Fact]
    public async Task A_setup_that_sleeps_stops_at_the_statement_deadline()
    {
        // Given a verifier with a one-second deadline on the same server, and a setup that would sleep for a minute
        await using var verifier = await Verifier.StartAsync(new VerifyOptions { Jobs = 1, StatementTimeout = TimeSpan.FromSeconds(1) },
            StrategyCatalog.Default, new BorrowedTargetOpener(fixture.Target), TestContext.Current.CancellationToken);
        var sleeper = WithSetup("sleeper", "CREATE TABLE t (c INT)", "DO SLEEP(60)");

        // When it is verified
        var clock = Stopwatch.StartNew();
        var report = await verifier.VerifyAsync(sleeper, TestContext.Current.CancellationToken);

        // Then the server is told to stop it at the deadline, long before the minute is up (an interrupted SLEEP
        // returns 1 rather than failing, so the pair then runs on its empty table)
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
        Assert.Equal(0, Assert.Single(report.Targets[0].Databases).Original!.Rows);
    }
}
