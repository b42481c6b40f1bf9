using System.Security.Cryptography;
using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Local;
using MutationHarness.Databases.Quirks;
using MutationHarness.Databases.Remote;
using MutationHarness.Databases.Targets;
using MutationHarness.TestSupport;
using MySqlConnector;

namespace MutationHarness.Databases.Tests;

/// <summary>A connection-string target, pointed at the embedded MariaDB with an account that may create users.</summary>
public sealed class ConnectionStringTargetTests(MariaDbServerFixture server)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<int> RootAsync(string sql)
    {
        await using var root = new MySqlConnection(server.Target.RootConnectionString);
        await root.OpenAsync(Token);
        await using var command = new MySqlCommand(sql, root);
        return Convert.ToInt32(await command.ExecuteScalarAsync(Token) ?? 0, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An administrator account, as a user would give one (over the embedded server's socket: it has no TCP port).</summary>
    private async Task<string> AdminAsync()
    {
        var user = "admin_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        await RootAsync($"CREATE USER '{user}'@'localhost' IDENTIFIED BY 'Secret_123'");
        await RootAsync($"GRANT ALL PRIVILEGES ON *.* TO '{user}'@'localhost' WITH GRANT OPTION");
        return ConnectionString(user);
    }

    private string ConnectionString(string user) =>
        $"Server={LocalServerArguments.SocketPath(server.Target.RunDirectory)};Protocol=Unix;User ID={user};Password=Secret_123;SslMode=None";

    private Task<int> RunObjectsAsync(string runId) => RootAsync(
        $"SELECT (SELECT COUNT(*) FROM mysql.user WHERE user LIKE '%\\_{runId}%') + (SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '%\\_{runId}\\_%')");

    [Fact]
    public async Task Per_run_accounts_keep_pairs_read_only_and_setups_in_their_own_databases_and_everything_is_dropped_after()
    {
        // Given a connection string whose account can create users
        var admin = await AdminAsync();
        string runId;
        await using (var target = await ConnectionStringTarget.OpenAsync(admin, new TargetOptions { Jobs = 1 }, Token))
        {
            runId = target.RunId;
            Assert.True(target.UsesLeastPrivilegeAccounts);
            Assert.True(target.Protections.IsolatedSetups);
            var fixture = await target.LoadFixtureAsync(new("shared", ["CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)"]), Token);
            var shared = fixture.Name;

            // When a statement runs, and a record's setup reaches for the shared database
            var who = Assert.IsType<RowsOutcome>(await target.ExecuteAsync(fixture, "SELECT CURRENT_USER()", TimeSpan.FromSeconds(5), Token));
            var setup = new FixtureScript("setup of r1", ["CREATE TABLE t (a INT)", $"DELETE FROM `{shared}`.t"]) { Budget = SetupBudget.Default };
            var refused = await Assert.ThrowsAsync<FixtureLoadException>(() => target.LoadFixtureAsync(setup, Token));

            // Then the statement ran as this run's reader, the setup was denied, and the shared row is still there
            Assert.StartsWith($"mh_r_{runId}@", who.Result.Rows[0].Cells[0], StringComparison.Ordinal);
            Assert.StartsWith($"mh_{runId}_", shared, StringComparison.Ordinal);
            Assert.Contains("denied", refused.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(1, await RootAsync($"SELECT COUNT(*) FROM `{shared}`.t"));
            Assert.True(await RunObjectsAsync(runId) > 0);
        }

        // And when the target is closed, every account and database of its run is gone, even a fixture no one dropped
        Assert.Equal(0, await RunObjectsAsync(runId));
    }

    [Fact]
    public async Task The_reader_cannot_read_the_users_own_mh_databases()
    {
        // Given a database of the user's own whose name starts with mh_, as the harness's did
        var own = "mh_own_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        await RootAsync($"CREATE DATABASE {own}");
        await RootAsync($"CREATE TABLE {own}.secrets (s TEXT)");
        try
        {
            await using var target = await ConnectionStringTarget.OpenAsync(await AdminAsync(), new TargetOptions { Jobs = 1 }, Token);
            var fixture = await target.LoadFixtureAsync(new("shared", ["CREATE TABLE t (a INT)"]), Token);

            // When a pair reads it
            var outcome = await target.ExecuteAsync(fixture, $"SELECT * FROM {own}.secrets", TimeSpan.FromSeconds(5), Token);

            // Then the server refuses: the reader sees this run's databases only
            var error = Assert.IsType<ServerErrorOutcome>(outcome);
            Assert.Contains(error.Number, new[] { ServerErrors.TableAccessDenied, ServerErrors.DatabaseAccessDenied });
        }
        finally
        {
            await RootAsync($"DROP DATABASE {own}");
        }
    }

    [Fact]
    public async Task An_account_that_cannot_create_users_is_used_as_it_is_and_the_target_says_which_protections_are_off()
    {
        // Given an account limited to fixture databases, without CREATE USER
        var user = "limited_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        await RootAsync($"CREATE USER '{user}'@'localhost' IDENTIFIED BY 'Secret_123'");
        await RootAsync($"GRANT ALL PRIVILEGES ON `mh\\_%`.* TO '{user}'@'localhost'");
        await RootAsync($"GRANT ALL PRIVILEGES ON `mhs\\_%`.* TO '{user}'@'localhost'");

        // When it opens and runs a statement
        string runId;
        await using (var target = await ConnectionStringTarget.OpenAsync(ConnectionString(user), new TargetOptions { Jobs = 1 }, Token))
        {
            runId = target.RunId;
            var fixture = await target.LoadFixtureAsync(new("limited", ["CREATE TABLE t (a INT)"]), Token);
            var who = Assert.IsType<RowsOutcome>(await target.ExecuteAsync(fixture, "SELECT CURRENT_USER()", TimeSpan.FromSeconds(5), Token));

            // Then it runs as the given account, and says plainly what that costs
            Assert.False(target.UsesLeastPrivilegeAccounts);
            Assert.False(target.Protections.IsolatedSetups);
            Assert.False(target.Protections.ReadOnlyAccount);
            var notice = Assert.Single(target.Protections.Notices);
            Assert.Contains("cannot create users", notice, StringComparison.Ordinal);
            Assert.Contains("--allow-unisolated-setup", notice, StringComparison.Ordinal);
            Assert.StartsWith(user, who.Result.Rows[0].Cells[0], StringComparison.Ordinal);
        }

        // And its databases are dropped all the same
        Assert.Equal(0, await RunObjectsAsync(runId));
    }

    [Fact]
    public async Task Anonymous_accounts_do_not_shadow_the_run_accounts_made_for_the_clients_own_host()
    {
        // Given a server with an anonymous account for this host, as a fresh installation has (it would shadow 'user'@'%')
        var admin = await AdminAsync();
        await RootAsync("CREATE USER ''@'localhost'");
        try
        {
            // When the target opens and runs a statement
            await using var target = await ConnectionStringTarget.OpenAsync(admin, new TargetOptions { Jobs = 1 }, Token);
            var fixture = await target.LoadFixtureAsync(new("anonymous", ["CREATE TABLE t (a INT)"]), Token);
            var who = Assert.IsType<RowsOutcome>(await target.ExecuteAsync(fixture, "SELECT CURRENT_USER()", TimeSpan.FromSeconds(5), Token));

            // Then the run's reader logged in for the host the server sees this client at, not for any host
            Assert.Equal($"mh_r_{target.RunId}@localhost", who.Result.Rows[0].Cells[0]);
        }
        finally
        {
            await RootAsync("DROP USER ''@'localhost'");
        }
    }
}
