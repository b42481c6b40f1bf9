using MutationHarness.Databases.Quirks;
using MutationHarness.Databases.Targets;
using MutationHarness.TestSupport;
using MySqlConnector;

namespace MutationHarness.Databases.Tests;

public sealed class LeastPrivilegeTests(MariaDbServerFixture server)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("CREATE TABLE u (a INT)")]
    [InlineData("INSERT INTO t VALUES (2)")]
    [InlineData("DROP TABLE t")]
    [InlineData("SELECT * FROM mysql.user")]
    public async Task The_reader_can_only_select_from_fixture_databases(string sql)
    {
        var target = server.Target;
        var db = await target.LoadFixtureAsync(new("privileges", ["CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)"]), Token);
        var outcome = await target.ExecuteAsync(db, sql, TimeSpan.FromSeconds(5), Token);
        var error = Assert.IsType<ServerErrorOutcome>(outcome);
        Assert.Contains(error.Number, new[] { ServerErrors.TableAccessDenied, ServerErrors.DatabaseAccessDenied });
    }

    [Fact]
    public async Task The_loader_is_limited_to_mh_databases()
    {
        await using var connection = new MySqlConnection(server.Target.LoaderConnectionString);
        await connection.OpenAsync(Token);
        await using var create = new MySqlCommand("CREATE DATABASE not_a_fixture", connection);
        var ex = await Assert.ThrowsAsync<MySqlException>(() => create.ExecuteNonQueryAsync(Token));
        Assert.Equal(ServerErrors.DatabaseAccessDenied, (int) ex.ErrorCode);
        await using var read = new MySqlCommand("SELECT COUNT(*) FROM mysql.user", connection);
        ex = await Assert.ThrowsAsync<MySqlException>(() => read.ExecuteScalarAsync(Token));
        Assert.Equal(ServerErrors.TableAccessDenied, (int) ex.ErrorCode);
    }

    [Fact]
    public async Task Statements_run_as_the_reader_not_root()
    {
        var target = server.Target;
        var db = await target.LoadFixtureAsync(new("who", []), Token);
        var outcome = Assert.IsType<RowsOutcome>(await target.ExecuteAsync(db, "SELECT CURRENT_USER()", TimeSpan.FromSeconds(5), Token));
        Assert.Matches("^mh_r_[0-9a-f]{8}@localhost$", outcome.Result.Rows[0].Cells[0]);
    }
}
