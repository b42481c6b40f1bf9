using System.Diagnostics;
using MutationHarness.Core.Fixtures;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests;

/// <summary>A record's own setup is input: it may not reach the databases other pairs run on, nor other records'
/// setups, nor run past its budget (issue 9, item 3).</summary>
public sealed class HostileSetupTests(VerifierFixture fixture)
{
    private const string Table = "`table_7_utf8_undef`";

    private static InputRecord WithSetup(string id, params string[] setup) =>
        InputRecord.Read(new MutationPair(id, new SourceLocation("test", 1), "FixMWhere1U",
            "SELECT c FROM t WHERE c > 1", "SELECT c FROM t WHERE 1", "mariadb", null, setup));

    // An innocent record lingers a little in its setup, so that saboteurs running beside it find its database and connection.
    private static InputRecord Innocent(int n) => WithSetup($"innocent-{n}", "CREATE TABLE t (c INT)", "INSERT INTO t VALUES (1), (2), (3)", "DO SLEEP(0.3)");

    private static string[] Repeat(int times, params string[] statements) => [.. Enumerable.Repeat(statements, times).SelectMany(s => s)];

    private async Task<int> SharedRowsAsync(Verifier verifier)
    {
        var probe = HostileRecordTests.Record("probe", $"SELECT pk FROM {Table} WHERE pk > 0", $"SELECT pk FROM {Table} WHERE 1", "FixMWhere1U");
        var report = await verifier.VerifyAsync(probe, TestContext.Current.CancellationToken);
        Assert.Equal(Verdict.Verified, report.Verdict);
        return report.Targets[0].Databases[0].Mutated!.Rows!.Value;
    }

    private async Task<Verifier> VerifierAsync(int jobs, SetupBudget? budget = null) =>
        await Verifier.StartAsync(new VerifyOptions { Jobs = jobs, Reruns = 1, StatementTimeout = TimeSpan.FromSeconds(5), SetupBudget = budget ?? SetupBudget.Default },
            StrategyCatalog.Default, new BorrowedTargetOpener(fixture.Target), TestContext.Current.CancellationToken);

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

        // Then its setup fails on the grant, naming the statement, and the shared table still holds every row
        Assert.Equal(Verdict.NotExecutable, report.Verdict);
        var run = Assert.Single(report.Targets[0].Databases);
        Assert.Contains("denied", run.SetupError, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("statement #3", run.SetupError, StringComparison.Ordinal);
        Assert.Equal(before, await SharedRowsAsync(verifier));
    }

    [Fact]
    public async Task Sabotaging_setups_under_four_jobs_leave_the_innocent_records_verified()
    {
        // Given innocent records with setups of their own, interleaved with records whose setups attack them
        await using var verifier = await VerifierAsync(jobs: 4, new SetupBudget(TimeSpan.FromSeconds(10), 1_000_000, 8L << 20));
        var shared = verifier.OpenTargets[0].Databases[0].Name;
        var before = await SharedRowsAsync(verifier);
        var saboteurs = new Dictionary<string, InputRecord>
        {
            // Drop whatever other databases it can see, with SQL built at run time.
            ["drop-others"] = WithSetup("drop-others", ["CREATE TABLE t (c INT)", "DO SLEEP(0.1)", .. Repeat(3,
                "SET @s = (SELECT CONCAT('DROP DATABASE `', SCHEMA_NAME, '`') FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'mh%' AND SCHEMA_NAME <> DATABASE() LIMIT 1)",
                "PREPARE p FROM @s", "EXECUTE p")]),
            // Kill whatever other connections it can see.
            ["kill-others"] = WithSetup("kill-others", ["CREATE TABLE t (c INT)", "DO SLEEP(0.1)", .. Repeat(3,
                "SET @k = (SELECT CONCAT('KILL ', ID) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() LIMIT 1)",
                "PREPARE k FROM @k", "EXECUTE k")]),
            // A function the pair's SELECT would call, writing rows and changing the reader's session.
            ["writing-function"] = InputRecord.Read(new MutationPair("writing-function", new SourceLocation("test", 1), "FixMWhere1U",
                "SELECT c FROM t WHERE f() = 1", "SELECT c FROM t WHERE 1", "mariadb", null,
                ["CREATE TABLE t (c INT)", "INSERT INTO t VALUES (1), (2)", "CREATE TABLE log (x INT)",
                 "CREATE FUNCTION f() RETURNS INT MODIFIES SQL DATA BEGIN INSERT INTO log VALUES (1); SET SESSION sql_select_limit = 1; RETURN 1; END"])),
            // End its own connection, so that the harness might take the server for lost.
            ["kill-self"] = WithSetup("kill-self", "CREATE TABLE t (c INT)", "DO SLEEP(0.1)", "KILL CONNECTION_ID()"),
            // Fill the disk: double a 1 MB row up to 256 MB.
            ["fill-disk"] = WithSetup("fill-disk", ["CREATE TABLE t (c INT)", "CREATE TABLE big (pad LONGTEXT)",
                "INSERT INTO big VALUES (REPEAT('x', 1048576))", .. Enumerable.Repeat("INSERT INTO big SELECT * FROM big", 8)]),
        };
        var records = new List<InputRecord>();
        var n = 0;
        foreach (var saboteur in saboteurs.Values)
        {
            records.Add(Innocent(n++));
            records.Add(saboteur);
            records.Add(Innocent(n++));
        }

        // When they are verified four at a time
        var reports = new Dictionary<string, PairReport>();
        await foreach (var report in verifier.VerifyAllAsync(HostileRecordTests.AsAsync([.. records]), TestContext.Current.CancellationToken))
            reports[report.Id] = report;

        // Then every innocent record verified, each saboteur is not-executable naming what stopped it, and the shared rows stay
        Assert.All(reports.Values.Where(r => r.Id.StartsWith("innocent-", StringComparison.Ordinal)), r => Assert.True(r.Verdict == Verdict.Verified, $"{r.Id}: {r.Verdict} {r.Reason}"));
        foreach (var (id, expected) in new[] { ("drop-others", "PREPARE p FROM @s"), ("kill-others", "PREPARE k FROM @k"), ("writing-function", "denied"), ("kill-self", "lost its own connection"), ("fill-disk", "--setup-max-mb") })
        {
            Assert.Equal(Verdict.NotExecutable, reports[id].Verdict);
            Assert.Contains(expected, reports[id].Reason, StringComparison.Ordinal);
        }
        Assert.Equal(before, await SharedRowsAsync(verifier));
        Assert.Contains(shared, verifier.OpenTargets[0].Databases.Select(d => d.Name));
    }

    [Theory]
    [InlineData("KILL CONNECTION_ID()")]
    [InlineData("SET @k = CONNECTION_ID()|PREPARE s FROM 'KILL ?'|EXECUTE s USING @k")]
    public async Task A_setup_that_ends_its_own_connection_is_the_records_failure_and_the_run_goes_on(string ending)
    {
        // Given a record whose setup ends its own connection (the server stays up), between two innocent records
        await using var verifier = await VerifierAsync(jobs: 2);
        var target = verifier.OpenTargets[0];
        var statements = ending.Split('|');
        var setup = (string[])["CREATE TABLE t (c INT)", "INSERT INTO t VALUES (1), (2)", .. statements, "INSERT INTO t VALUES (3)"];
        var records = HostileRecordTests.AsAsync(Innocent(1), WithSetup("self-ending", setup), Innocent(2));

        // When they are verified
        var reports = new Dictionary<string, PairReport>();
        await foreach (var report in verifier.VerifyAllAsync(records, TestContext.Current.CancellationToken))
            reports[report.Id] = report;

        // Then that record alone is not-executable, naming the statement it stopped at, and the others verified on the same server
        var ended = reports["self-ending"];
        Assert.Equal(Verdict.NotExecutable, ended.Verdict);
        Assert.Contains("lost its own connection while the server stayed up", ended.Reason, StringComparison.Ordinal);
        Assert.Contains($"statement #{2 + statements.Length}", ended.Reason, StringComparison.Ordinal);
        Assert.Equal(Verdict.Verified, reports["innocent-1"].Verdict);
        Assert.Equal(Verdict.Verified, reports["innocent-2"].Verdict);
        Assert.Same(target, verifier.OpenTargets[0]);
    }

    [Fact]
    public async Task A_setup_that_sets_its_password_crashes_nothing_and_later_setups_still_run()
    {
        // Given a record whose setup changes its account's password, and an ordinary one after it
        await using var verifier = await VerifierAsync(jobs: 2);
        var records = HostileRecordTests.AsAsync(
            WithSetup("password", "CREATE TABLE t (c INT)", "INSERT INTO t VALUES (1), (2)", "SET PASSWORD = PASSWORD('owned')"),
            Innocent(1), Innocent(2));

        // When they are verified
        var reports = new List<PairReport>();
        await foreach (var report in verifier.VerifyAllAsync(records, TestContext.Current.CancellationToken))
            reports.Add(report);

        // Then all three ran to a verdict: the password changed nothing but that record's own throwaway account
        Assert.All(reports, r => Assert.True(r.Verdict == Verdict.Verified, $"{r.Id}: {r.Verdict} {r.Reason}"));
    }

    [Fact]
    public async Task A_setup_that_sleeps_stops_at_its_time_budget()
    {
        // Given a one-second setup budget, and a setup that would sleep for a minute
        await using var verifier = await VerifierAsync(jobs: 1, new SetupBudget(TimeSpan.FromSeconds(1), 1_000_000, 1L << 30));
        var sleeper = WithSetup("sleeper", "CREATE TABLE t (c INT)", "DO SLEEP(60)");

        // When it is verified
        var clock = Stopwatch.StartNew();
        var report = await verifier.VerifyAsync(sleeper, TestContext.Current.CancellationToken);

        // Then it is stopped at the budget, long before the minute is up, and says so
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(Verdict.NotExecutable, report.Verdict);
        Assert.Contains("--setup-timeout", report.Reason, StringComparison.Ordinal);
    }
}
