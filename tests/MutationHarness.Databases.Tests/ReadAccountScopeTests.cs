using MutationHarness.Databases.Remote;
using MutationHarness.Databases.Targets;
using MutationHarness.TestSupport;
using MySqlConnector;

namespace MutationHarness.Databases.Tests;

/// <summary>On a connection-string target the account pairs run as reads this run's databases and nothing else: not the
/// user's own databases, even those named like the harness's, nor another live run's (issue 9, item 4).</summary>
public sealed class ReadAccountScopeTests(SecondMariaDbFixture server) : IClassFixture<SecondMariaDbFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task The_read_account_sees_only_this_runs_databases()
    {
        // Given the user's own databases named like the harness's, another live run, and this run with a fixture
        await server.ExecuteAsync("CREATE DATABASE IF NOT EXISTS mh_payroll");
        await server.ExecuteAsync("CREATE TABLE IF NOT EXISTS mh_payroll.salary (amount INT)");
        await server.ExecuteAsync("CREATE DATABASE IF NOT EXISTS mhs_notes");
        await server.ExecuteAsync("CREATE TABLE IF NOT EXISTS mhs_notes.notes (body TEXT)");
        var admin = await server.CreateAdminAsync();
        await using var other = await ConnectionStringTarget.OpenAsync(admin, new TargetOptions { Jobs = 1 }, Token);
        var otherDatabase = await other.LoadFixtureAsync(new("other run", ["CREATE TABLE secret (a INT)", "INSERT INTO secret VALUES (7)"]), Token);
        await using var target = await ConnectionStringTarget.OpenAsync(admin, new TargetOptions { Jobs = 1 }, Token);
        Assert.True(target.UsesLeastPrivilegeAccounts);
        var own = await target.LoadFixtureAsync(new("own", ["CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)"]), Token);

        // When the run's read account lists the databases, and statements reach across into each of the others
        var listed = await DatabasesSeenAsync(target.ReaderConnectionString);
        var across = new List<StatementOutcome>();
        foreach (var table in new[] { "mh_payroll.salary", "mhs_notes.notes", $"`{otherDatabase.Name}`.secret" })
            across.Add(await target.ExecuteAsync(own, $"SELECT * FROM {table}", Deadline, Token));

        // Then its accounts may log in from the harness's host only, not from anywhere ('%')
        Assert.Equal(["localhost", "localhost"], await server.ColumnAsync(
            $"SELECT host FROM mysql.user WHERE user IN ('mh_r_{target.RunId}', 'mh_l_{target.RunId}')"));

        // And it sees its own database only, each reach across is denied, and its own table reads as usual
        Assert.Equal(["information_schema", own.Name], listed.Order(StringComparer.Ordinal));
        Assert.All(across, outcome => Assert.Equal(1142, Assert.IsType<ServerErrorOutcome>(outcome).Number));
        Assert.Single(Assert.IsType<RowsOutcome>(await target.ExecuteAsync(own, "SELECT a FROM t", Deadline, Token)).Result.Rows);
    }

    private static async Task<List<string>> DatabasesSeenAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(Token);
        await using var command = new MySqlCommand("SHOW DATABASES", connection);
        await using var reader = await command.ExecuteReaderAsync(Token);
        var names = new List<string>();
        while (await reader.ReadAsync(Token))
            names.Add(reader.GetString(0));
        return names;
    }
}
