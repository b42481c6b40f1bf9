using System.Diagnostics;
using System.Globalization;
using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Targets;
using MutationHarness.TestSupport;
using MySqlConnector;

namespace MutationHarness.Databases.Tests;

/// <summary>A record's setup runs as an account of its own, in a database of its own, under a budget (issue 9, item 3).</summary>
public sealed class RecordSetupIsolationTests(MariaDbServerFixture server)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static FixtureScript Setup(SetupBudget budget, params string[] statements) => new("setup of test", statements) { Budget = budget };

    private static FixtureScript Setup(params string[] statements) => Setup(SetupBudget.Default, statements);

    private Task<long> RootAsync(string sql) => MariaDbClient.ScalarAsRootAsync(server.Target, sql, Token);

    private static string Owner(FixtureDatabase database) => "mh_s_" + database.Name["mhs_".Length..];

    [Fact]
    public async Task Each_setup_gets_its_own_account_and_database_and_both_are_dropped_after()
    {
        // Given two setups loaded side by side
        var target = server.Target;
        var first = await target.LoadFixtureAsync(Setup("CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)"), Token);
        var second = await target.LoadFixtureAsync(Setup("CREATE TABLE t (a INT)"), Token);

        // Then each has a database and an account of its own, granted on that database alone
        Assert.NotEqual(first.Name, second.Name);
        Assert.Equal(1, await RootAsync($"SELECT COUNT(*) FROM mysql.user WHERE user = '{Owner(first)}'"));
        Assert.Equal(1, await RootAsync($"SELECT COUNT(*) FROM mysql.db WHERE user = '{Owner(first)}'"));
        Assert.Equal(0, await RootAsync($"SELECT COUNT(*) FROM mysql.db WHERE user = '{Owner(first)}' AND db <> '{first.Name.Replace("_", "\\\\_", StringComparison.Ordinal)}'"));

        // And when they are dropped, both are gone
        await target.DropFixtureAsync(first, Token);
        await target.DropFixtureAsync(second, Token);
        foreach (var database in new[] { first, second })
        {
            Assert.Equal(0, await RootAsync($"SELECT COUNT(*) FROM mysql.user WHERE user = '{Owner(database)}'"));
            Assert.Equal(0, await RootAsync($"SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '{database.Name}'"));
        }
    }

    public static TheoryData<string, string> Forbidden => new()
    {
        { "a stored function", "CREATE FUNCTION f() RETURNS INT RETURN 1" },
        { "a procedure", "CREATE PROCEDURE p() SELECT 1" },
        { "a trigger", "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 2" },
        { "an event", "CREATE EVENT e ON SCHEDULE EVERY 1 SECOND DO DELETE FROM t" },
        { "a view over the shared database", "CREATE VIEW v AS SELECT * FROM `{shared}`.t" },
        { "writing into the shared database", "DELETE FROM `{shared}`.t" },
        { "another database", "CREATE DATABASE mhs_mine" },
        { "an account", "CREATE USER someone@localhost" },
        { "another account's password", "SET PASSWORD FOR root@localhost = PASSWORD('x')" },
        { "a grant", "GRANT SELECT ON *.* TO CURRENT_USER" },
        { "a global setting", "SET GLOBAL max_connections = 1" },
        { "a file", "SELECT 1 INTO OUTFILE '/tmp/mh-setup-file'" },
        { "reading a file", "LOAD DATA INFILE '/etc/hostname' INTO TABLE t" },
        { "temporary tables (outside the database's size)", "CREATE TEMPORARY TABLE tt (a INT)" },
        { "the system tables", "CREATE TABLE copy AS SELECT * FROM mysql.user" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task A_setup_can_build_its_own_tables_and_nothing_else(string what, string statement)
    {
        // Given the shared database other pairs run on
        var target = server.Target;
        var shared = await target.LoadFixtureAsync(new FixtureScript("shared", ["CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)"]), Token);

        // When a setup that made its own table tries something else
        var failure = await Assert.ThrowsAsync<FixtureLoadException>(() => target.LoadFixtureAsync(
            Setup("CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)", statement.Replace("{shared}", shared.Name, StringComparison.Ordinal)), Token));

        // Then the server refuses that statement, the report names it, and the shared row is intact
        Assert.Equal(2, failure.StatementIndex);
        Assert.Contains(failure.ErrorNumber, new[] { 1044, 1045, 1142, 1227, 1370 });
        Assert.Equal(1, await RootAsync($"SELECT COUNT(*) FROM `{shared.Name}`.t"));
        Assert.NotEmpty(what);
    }

    [Fact]
    public async Task A_setup_sees_neither_other_databases_nor_other_connections_and_cannot_kill_them()
    {
        // Given a connection of someone else's
        var target = server.Target;
        await using var other = new MySqlConnection(server.Target.RootConnectionString);
        await other.OpenAsync(Token);

        // When a setup records what it can see, and then tries to kill that connection
        var seen = await target.LoadFixtureAsync(Setup(
            "CREATE TABLE seen AS SELECT (SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'mh%') AS dbs, " +
            "(SELECT COUNT(*) FROM information_schema.PROCESSLIST) AS conns"), Token);
        var kill = await Assert.ThrowsAsync<FixtureLoadException>(() => target.LoadFixtureAsync(Setup($"KILL {other.ServerThread}"), Token));

        // Then it saw its own database and its own connection only, and the kill was refused
        var row = Assert.IsType<RowsOutcome>(await target.ExecuteAsync(seen, "SELECT dbs, conns FROM seen", TimeSpan.FromSeconds(5), Token)).Result.Rows[0];
        Assert.Equal(["1", "1"], row.Cells);
        Assert.Equal(1095, kill.ErrorNumber); // ER_KILL_DENIED_ERROR: not the owner of that thread
        await using var ping = new MySqlCommand("SELECT 1", other);
        Assert.Equal(1L, Convert.ToInt64(await ping.ExecuteScalarAsync(Token), CultureInfo.InvariantCulture));
        await target.DropFixtureAsync(seen, Token);
    }

    [Fact]
    public async Task A_setup_that_changes_its_own_password_hurts_no_one()
    {
        // When a setup changes its account's password, then another setup runs
        var target = server.Target;
        var changed = await target.LoadFixtureAsync(Setup("CREATE TABLE t (a INT)", "SET PASSWORD = PASSWORD('owned')"), Token);
        await target.DropFixtureAsync(changed, Token);
        var next = await target.LoadFixtureAsync(Setup("CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)"), Token);

        // Then both loaded, the first was dropped with its account, and the second reads fine
        Assert.Equal(0, await RootAsync($"SELECT COUNT(*) FROM mysql.user WHERE user = '{Owner(changed)}'"));
        Assert.Single(Assert.IsType<RowsOutcome>(await target.ExecuteAsync(next, "SELECT a FROM t", TimeSpan.FromSeconds(5), Token)).Result.Rows);
        await target.DropFixtureAsync(next, Token);
    }

    [Fact]
    public async Task A_data_directory_elsewhere_is_ignored()
    {
        // Given a directory outside the server's data directory
        var elsewhere = Directory.CreateTempSubdirectory("mh-elsewhere-").FullName;
        try
        {
            // When a setup asks for its table's files there
            var database = await server.Target.LoadFixtureAsync(Setup($"CREATE TABLE t (a INT) DATA DIRECTORY = '{elsewhere}'", "INSERT INTO t VALUES (1)"), Token);

            // Then nothing was written there
            Assert.Empty(Directory.EnumerateFileSystemEntries(elsewhere));
            await server.Target.DropFixtureAsync(database, Token);
        }
        finally
        {
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public async Task A_setup_past_its_time_budget_is_stopped_with_the_reason()
    {
        // Given a half-second budget, and a setup that would sleep for a minute
        var clock = Stopwatch.StartNew();
        var failure = await Assert.ThrowsAsync<SetupBudgetException>(() => server.Target.LoadFixtureAsync(
            Setup(new SetupBudget(TimeSpan.FromMilliseconds(500), 1_000, 1 << 20), "CREATE TABLE t (a INT)", "DO SLEEP(60)"), Token));

        // Then it is stopped at the sleeping statement, long before the minute is up
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(1, failure.StatementIndex);
        Assert.Contains("--setup-timeout", failure.Message, StringComparison.Ordinal);
        await AssertNoSetupLeftAsync();
    }

    [Fact]
    public async Task A_setup_past_its_row_budget_is_stopped_with_the_reason()
    {
        var failure = await Assert.ThrowsAsync<SetupBudgetException>(() => server.Target.LoadFixtureAsync(
            Setup(new SetupBudget(TimeSpan.FromSeconds(30), 1_000, 1L << 30), ["CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1), (2), (3), (4), (5)",
                .. Enumerable.Repeat("INSERT INTO t SELECT * FROM t", 10)]), Token));
        Assert.Matches("hold [0-9,]+ rows", failure.Message);
        Assert.Contains("--setup-max-rows", failure.Message, StringComparison.Ordinal);
        await AssertNoSetupLeftAsync();
    }

    [Fact]
    public async Task A_setup_that_fills_the_disk_is_stopped_at_its_byte_budget_and_its_database_dropped()
    {
        // Given a 4 MB budget, and a setup that doubles a 1 MB row until it holds 256 MB
        var statements = new List<string> { "CREATE TABLE big (pad LONGTEXT)", "INSERT INTO big VALUES (REPEAT('x', 1048576))" };
        statements.AddRange(Enumerable.Repeat("INSERT INTO big SELECT * FROM big", 8));

        // When it loads
        var failure = await Assert.ThrowsAsync<SetupBudgetException>(() => server.Target.LoadFixtureAsync(
            Setup(new SetupBudget(TimeSpan.FromSeconds(60), 1_000_000, 4L << 20), [.. statements]), Token));

        // Then it is stopped past 4 MB, with the reason, and nothing of it is left
        Assert.Contains("--setup-max-mb", failure.Message, StringComparison.Ordinal);
        Assert.InRange(failure.StatementIndex, 2, 9);
        await AssertNoSetupLeftAsync();
    }

    // This class is the only one that loads setups on the shared server, and its tests run one at a time.
    private async Task AssertNoSetupLeftAsync()
    {
        var run = server.Target.RunId;
        Assert.Equal(0, await RootAsync($"SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'mhs\\_{run}\\_%'"));
        Assert.Equal(0, await RootAsync($"SELECT COUNT(*) FROM mysql.user WHERE user LIKE 'mh\\_s\\_{run}\\_%'"));
    }
}
