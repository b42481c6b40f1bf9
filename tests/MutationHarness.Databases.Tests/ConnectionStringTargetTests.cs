using System.Security.Cryptography;
using MutationHarness.Databases.Local;
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

    [Fact]
    public async Task Per_run_accounts_keep_pairs_read_only_and_setups_in_their_own_databases_and_are_dropped_after()
    {
        // Given a connection string whose account can create users
        var admin = await AdminAsync();
        string shared;
        await using (var target = await ConnectionStringTarget.OpenAsync(admin, new TargetOptions { Jobs = 1 }, Token))
        {
            Assert.True(target.UsesLeastPrivilegeAccounts);
            var fixture = await target.LoadFixtureAsync(new("shared", ["CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)"]), Token);
            shared = fixture.Name;

            // When a statement runs, and a record's setup reaches for the shared database
            var who = Assert.IsType<RowsOutcome>(await target.ExecuteAsync(fixture, "SELECT CURRENT_USER()", TimeSpan.FromSeconds(5), Token));
            var setup = new Core.Fixtures.FixtureScript("setup of r1", ["CREATE TABLE t (a INT)", $"DELETE FROM `{shared}`.t"]) { IsRecordSetup = true };
            var refused = await Assert.ThrowsAsync<FixtureLoadException>(() => target.LoadFixtureAsync(setup, Token));

            // Then the statement ran as the per-run reader, the setup was denied, and the shared row is still there
            Assert.StartsWith("mh_r_", who.Result.Rows[0].Cells[0], StringComparison.Ordinal);
            Assert.Contains("denied", refused.Message, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(1, await RootAsync($"SELECT COUNT(*) FROM `{shared}`.t"));
        }

        // And when the target is closed, its accounts are gone
        Assert.Equal(0, await RootAsync("SELECT COUNT(*) FROM mysql.user WHERE user LIKE 'mh\\_r\\_%' OR user LIKE 'mh\\_l\\_%' OR user LIKE 'mh\\_s\\_%'"));
    }

    [Fact]
    public async Task An_account_that_cannot_create_users_is_used_as_it_is_and_the_target_says_so()
    {
        // Given an account limited to fixture databases, without CREATE USER
        var user = "limited_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        await RootAsync($"CREATE USER '{user}'@'localhost' IDENTIFIED BY 'Secret_123'");
        await RootAsync($"GRANT ALL PRIVILEGES ON `mh\\_%`.* TO '{user}'@'localhost'");
        await RootAsync($"GRANT ALL PRIVILEGES ON `mhs\\_%`.* TO '{user}'@'localhost'");

        // When it opens and runs a statement
        await using var target = await ConnectionStringTarget.OpenAsync(ConnectionString(user), new TargetOptions { Jobs = 1 }, Token);
        var fixture = await target.LoadFixtureAsync(new("limited", ["CREATE TABLE t (a INT)"]), Token);
        var who = Assert.IsType<RowsOutcome>(await target.ExecuteAsync(fixture, "SELECT CURRENT_USER()", TimeSpan.FromSeconds(5), Token));

        // Then it runs as the given account, and reports that it could not isolate anything
        Assert.False(target.UsesLeastPrivilegeAccounts);
        Assert.StartsWith(user, who.Result.Rows[0].Cells[0], StringComparison.Ordinal);
        Assert.Equal(0, await RootAsync("SELECT COUNT(*) FROM mysql.user WHERE user LIKE 'mh\\_r\\_%'"));
    }

    [Fact]
    public async Task Anonymous_accounts_that_shadow_the_run_accounts_stop_the_target_with_what_to_do()
    {
        // Given a server with an anonymous account for this host, as a fresh installation has
        var admin = await AdminAsync();
        await RootAsync("CREATE USER ''@'localhost'");
        try
        {
            // When the target opens
            var failure = await Assert.ThrowsAsync<TargetStartException>(() => ConnectionStringTarget.OpenAsync(admin, new TargetOptions { Jobs = 1 }, Token));

            // Then it says why and what to do, and leaves no account of its own behind
            Assert.Contains("Anonymous accounts", failure.Message, StringComparison.Ordinal);
            Assert.Equal(0, await RootAsync("SELECT COUNT(*) FROM mysql.user WHERE user LIKE 'mh\\_r\\_%'"));
        }
        finally
        {
            await RootAsync("DROP USER ''@'localhost'");
        }
    }
}
