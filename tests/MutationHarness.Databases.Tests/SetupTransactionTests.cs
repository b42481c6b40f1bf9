using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Targets;
using MutationHarness.TestSupport;
using MySqlConnector;

namespace MutationHarness.Databases.Tests;

/// <summary>What a setup leaves uncommitted. On MariaDB a prepared XA transaction outlives its connection (and a
/// restart): it held its locks, so the drop of the setup's database waited 50 s (innodb_lock_wait_timeout) per such
/// record and failed, leaving the database and the transaction on the server for good.</summary>
public sealed class SetupTransactionTests(MariaDbServerFixture server)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static FixtureScript Setup(params string[] statements) => new("setup of test", statements) { Budget = SetupBudget.Default };

    private Task<long> RootAsync(string sql) => MariaDbClient.ScalarAsRootAsync(server.Target, sql, Token);

    private async Task<List<string>> PreparedAsync()
    {
        await using var root = new MySqlConnection(server.Target.RootConnectionString);
        await root.OpenAsync(Token);
        await using var command = new MySqlCommand("XA RECOVER FORMAT='SQL'", root);
        await using var reader = await command.ExecuteReaderAsync(Token);
        var xids = new List<string>();
        while (await reader.ReadAsync(Token))
            xids.Add(reader.GetValue(3).ToString()!);
        return xids;
    }

    public static TheoryData<string, string[]> OpenXa => new()
    {
        { "xa_prepared", ["XA START 'xa_prepared'", "INSERT INTO t VALUES (2)", "XA END 'xa_prepared'", "XA PREPARE 'xa_prepared'"] },
        { "xa_dynamic", ["EXECUTE IMMEDIATE 'XA START ''xa_dynamic'''", "INSERT INTO t VALUES (2)", "EXECUTE IMMEDIATE 'XA END ''xa_dynamic'''; EXECUTE IMMEDIATE 'XA PREPARE ''xa_dynamic'''"] },
        { "xa_ended", ["XA START 'xa_ended'", "INSERT INTO t VALUES (2)", "XA END 'xa_ended'"] },
    };

    [Theory]
    [MemberData(nameof(OpenXa))]
    public async Task A_setup_that_leaves_an_XA_transaction_open_fails_and_leaves_neither_it_nor_its_database_behind(string name, string[] xa)
    {
        // Given a setup that builds a table of a name of its own, then leaves an XA transaction open
        var statements = (string[])[$"CREATE TABLE {name} (a INT)", $"INSERT INTO {name} VALUES (1)", .. xa.Select(s => s.Replace(" t ", $" {name} ", StringComparison.Ordinal))];

        // When it is loaded
        var failure = await Assert.ThrowsAsync<FixtureLoadException>(() => server.Target.LoadFixtureAsync(Setup(statements), Token));

        // Then it fails at its last statement, saying why; no prepared transaction is left, and its database was dropped
        Assert.Equal(statements.Length - 1, failure.StatementIndex);
        Assert.Contains("left an XA transaction open", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain($"'{name}'", await PreparedAsync());
        Assert.Equal(0, await RootAsync($"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_NAME = '{name}'"));
    }

    [Fact]
    public async Task A_committed_XA_transaction_keeps_its_rows_and_an_open_plain_one_is_rolled_back_as_before()
    {
        // Given a setup whose XA transaction commits, and one that leaves a plain transaction open
        var target = server.Target;
        var committed = await target.LoadFixtureAsync(Setup("CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)",
            "XA START 'xa_committed'", "INSERT INTO t VALUES (2)", "XA END 'xa_committed'", "XA COMMIT 'xa_committed' ONE PHASE"), Token);
        var open = await target.LoadFixtureAsync(Setup("CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)",
            "START TRANSACTION", "INSERT INTO t VALUES (2)"), Token);

        // Then both load: the XA rows are there, the uncommitted plain row is not (as when its connection closed)
        Assert.Equal(2, Assert.IsType<RowsOutcome>(await target.ExecuteAsync(committed, "SELECT a FROM t", TimeSpan.FromSeconds(5), Token)).Result.RowCount);
        Assert.Equal(1, Assert.IsType<RowsOutcome>(await target.ExecuteAsync(open, "SELECT a FROM t", TimeSpan.FromSeconds(5), Token)).Result.RowCount);
        await target.DropFixtureAsync(committed, Token);
        await target.DropFixtureAsync(open, Token);
    }
}
