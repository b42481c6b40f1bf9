using MutationHarness.Databases.Quirks;
using MutationHarness.Databases.Targets;
using MutationHarness.TestSupport;

namespace MutationHarness.Databases.Tests;

public abstract class ExecutionTests(ITargetProvider provider) : TargetTests(provider)
{
    [Fact]
    public async Task The_session_is_pinned_and_reported()
    {
        var (target, db) = await LoadAsync();
        var result = await RowsAsync(target, db, "SELECT @@sql_mode, @@time_zone, @@character_set_connection, @@collation_connection");
        Assert.Equal([target.Session.SqlMode, target.Session.TimeZone, target.Session.CharacterSet, target.Session.Collation], Cells(result));
        Assert.Equal(SessionSettings.Default, target.Session);
    }

    [Theory]
    [InlineData("SELEC 1", ServerErrors.Syntax)]
    [InlineData("SELECT nope FROM t", ServerErrors.UnknownColumn)]
    [InlineData("SELECT * FROM missing", ServerErrors.UnknownTable)]
    [InlineData("SELECT no_such_function(1)", ServerErrors.UnknownFunction)]
    public async Task Server_errors_carry_their_number_and_sqlstate(string sql, int number)
    {
        var (target, db) = await LoadAsync("CREATE TABLE t (a INT)");
        var error = await ErrorAsync(target, db, sql);
        Assert.Equal(number, error.Number);
        Assert.Matches("^[0-9A-Z]{5}$", error.SqlState);
    }

    [Fact]
    public async Task An_error_that_arrives_while_rows_are_read_is_an_error_outcome()
    {
        Require(ServerFeatures.ErrorWhileReadingRows);
        // Given a scalar subquery that only fails once the second row of t exists
        var (target, db) = await LoadAsync("CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1), (2)", "CREATE TABLE u (b INT)", "INSERT INTO u VALUES (1), (2), (3)");

        // When rows of u are being sent and the subquery for a later row returns two rows
        var error = await ErrorAsync(target, db, "SELECT b, (SELECT a FROM t WHERE a <= u.b) FROM u ORDER BY b");

        // Then it is a server error, not an exception, and the session stays usable
        Assert.Equal(ServerErrors.SubqueryMoreThanOneRow, error.Number);
        Assert.Equal(["1"], Cells(await RowsAsync(target, db, "SELECT 1")));
    }

    [Fact]
    public async Task A_runaway_statement_times_out_and_the_run_goes_on()
    {
        var (target, db) = await LoadAsync();
        var outcome = await target.ExecuteAsync(db, "SELECT SLEEP(5)", TimeSpan.FromSeconds(0.5), Token);
        var timeout = Assert.IsType<TimeoutOutcome>(outcome);
        Assert.True(timeout.Elapsed < TimeSpan.FromSeconds(4), $"took {timeout.Elapsed}");
        Assert.Equal(["2"], Cells(await RowsAsync(target, db, "SELECT 1 + 1")));
    }

    [Fact]
    public async Task A_heavy_query_is_stopped_by_the_server_deadline()
    {
        Require(ServerFeatures.ServerDeadline);
        var (target, db) = await LoadAsync("CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1),(2),(3),(4),(5),(6),(7),(8),(9),(10)");
        var outcome = await target.ExecuteAsync(db, "SELECT COUNT(*) FROM t a, t b, t c, t d, t e, t f, t g, t h, t i WHERE a.a + b.a + c.a > 0", TimeSpan.FromSeconds(0.3), Token);
        Assert.IsType<TimeoutOutcome>(outcome);
        Assert.Equal(["10"], Cells(await RowsAsync(target, db, "SELECT COUNT(*) FROM t")));
    }

    [Fact]
    public async Task Concurrent_statements_share_the_pinned_sessions()
    {
        var (target, db) = await LoadAsync("CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1), (2), (3)");
        var runs = Enumerable.Range(0, 40).Select(i => target.ExecuteAsync(db, $"SELECT a + {i} FROM t ORDER BY a", Deadline, Token));
        var outcomes = await Task.WhenAll(runs);
        Assert.All(outcomes, o => Assert.Equal(3, Assert.IsType<RowsOutcome>(o).Result.Rows.Count));
    }

    [Fact]
    public async Task Dropping_a_fixture_removes_its_database()
    {
        var (target, db) = await LoadAsync("CREATE TABLE t (a INT)");
        await target.DropFixtureAsync(db, Token);
        var other = await target.LoadFixtureAsync(new("other", ["CREATE TABLE x (a INT)"]), Token);
        var result = await RowsAsync(target, other, $"SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '{db.Name}'");
        Assert.Equal(["0"], Cells(result));
    }

    [Fact]
    public async Task A_bad_fixture_statement_names_itself()
    {
        var target = Provider.RequireTarget();
        var ex = await Assert.ThrowsAsync<FixtureLoadException>(() => target.LoadFixtureAsync(new("broken", ["CREATE TABLE t (a INT)", "INSERT INTO t VALUES ('x')"]), Token));
        Assert.Equal(1, ex.StatementIndex);
        Assert.Equal(1366, ex.ErrorNumber); // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD under STRICT_TRANS_TABLES
    }
}

public sealed class MariaDbExecutionTests(MariaDbServerFixture server) : ExecutionTests(server);

public sealed class MySqlExecutionTests(MySqlServerFixture server) : ExecutionTests(server), IClassFixture<MySqlServerFixture>;

public sealed class TiDbExecutionTests(TiDbServerFixture server) : ExecutionTests(server), IClassFixture<TiDbServerFixture>;
