using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Remote;
using MutationHarness.Databases.Targets;
using MutationHarness.TestSupport;

namespace MutationHarness.Databases.Tests;

/// <summary>On a connection-string target, a killed run's accounts and databases are swept by the next run, and only
/// those (issue 9, item 4); on a second MariaDB this class starts for itself, so nothing else runs there.</summary>
public sealed class LeftoverRunSweepTests(SecondMariaDbFixture server) : IClassFixture<SecondMariaDbFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly TargetOptions Options = new() { Jobs = 1 };

    [Fact]
    public async Task A_new_run_sweeps_what_a_killed_run_left_and_nothing_of_live_runs_or_of_the_user()
    {
        // Given the user's own databases with names like the harness's, a live run, and a run that is then killed
        await server.ExecuteAsync("CREATE DATABASE IF NOT EXISTS mh_sales");
        await server.ExecuteAsync("CREATE DATABASE IF NOT EXISTS mhs_notes");
        var admin = await server.CreateAdminAsync();
        await using var live = await ConnectionStringTarget.OpenAsync(admin, Options, Token);
        var liveDatabase = await live.LoadFixtureAsync(new("live", ["CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)"]), Token);
        var dead = await ConnectionStringTarget.OpenAsync(admin, Options, Token);
        try
        {
            var deadShared = await dead.LoadFixtureAsync(new("shared", ["CREATE TABLE t (a INT)"]), Token);
            var deadSetup = await dead.LoadFixtureAsync(new FixtureScript("setup of r", ["CREATE TABLE t (a INT)"]) { Budget = SetupBudget.Default }, Token);
            Assert.NotEmpty(await server.ColumnAsync($"SELECT user FROM mysql.user WHERE user LIKE 'mh\\_s\\_{dead.RunId}%'"));
            await KillAsync(dead.RunId);

            // When the next run opens
            await using var next = await ConnectionStringTarget.OpenAsync(admin, Options, Token);

            // Then it says what it removed: the killed run's databases and accounts (its reader, loader and setup's)
            var notice = Assert.Single(next.Protections.Notices);
            Assert.StartsWith("removed what earlier runs that are no longer connected left behind", notice, StringComparison.Ordinal);
            foreach (var name in new[] { deadShared.Name, deadSetup.Name, $"mh_r_{dead.RunId}@", $"mh_l_{dead.RunId}@", $"mh_s_{dead.RunId}_1@" })
                Assert.Contains(name, notice, StringComparison.Ordinal);
            Assert.DoesNotContain(live.RunId, notice, StringComparison.Ordinal);

            // And nothing of the killed run is left, while the live run, the embedded server's own run and the user's databases are intact
            Assert.Empty(await server.ColumnAsync($"SELECT user FROM mysql.user WHERE user LIKE '%\\_{dead.RunId}%'"));
            var databases = await server.ColumnAsync("SHOW DATABASES");
            Assert.DoesNotContain(databases, d => d.Contains(dead.RunId, StringComparison.Ordinal));
            Assert.Contains("mh_sales", databases);
            Assert.Contains("mhs_notes", databases);
            Assert.Contains(liveDatabase.Name, databases);
            var rows = Assert.IsType<RowsOutcome>(await live.ExecuteAsync(liveDatabase, "SELECT a FROM t", TimeSpan.FromSeconds(5), Token));
            Assert.Single(rows.Result.Rows);
        }
        finally
        {
            await dead.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_run_that_is_closed_leaves_nothing_and_the_next_run_has_nothing_to_sweep()
    {
        // Given a run that loaded a fixture and a setup and was closed without dropping them
        var admin = await server.CreateAdminAsync();
        string run;
        await using (var first = await ConnectionStringTarget.OpenAsync(admin, Options, Token))
        {
            run = first.RunId;
            await first.LoadFixtureAsync(new("shared", ["CREATE TABLE t (a INT)"]), Token);
            await first.LoadFixtureAsync(new FixtureScript("setup of r", ["CREATE TABLE t (a INT)"]) { Budget = SetupBudget.Default }, Token);
        }

        // When the next run opens
        await using var next = await ConnectionStringTarget.OpenAsync(admin, Options, Token);

        // Then the first run's objects were gone already, so there was nothing to sweep
        Assert.Empty(await server.ColumnAsync($"SELECT user FROM mysql.user WHERE user LIKE '%\\_{run}%'"));
        Assert.DoesNotContain(await server.ColumnAsync("SHOW DATABASES"), d => d.Contains(run, StringComparison.Ordinal));
        Assert.DoesNotContain(next.Protections.Notices, n => n.Contains(run, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_run_stopped_while_it_starts_leaves_no_account_behind()
    {
        // Given a server with no harness accounts on it but those of the embedded server's own run
        var admin = await server.CreateAdminAsync();
        await using (await ConnectionStringTarget.OpenAsync(admin, Options, Token))
        {
            // (a first run sweeps whatever earlier tests left, and drops its own on closing)
        }
        var before = await RunAccountsAsync();

        // When runs are stopped at every moment of their start, a little later each time, until one starts
        var stopped = 0;
        for (var delay = 0; ; delay += 2)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
            // The first start is stopped before it begins (a timer of 0 ms can fire after a quick start on a busy machine)
            if (delay == 0)
                await stop.CancelAsync();
            else
                stop.CancelAfter(TimeSpan.FromMilliseconds(delay));
            try
            {
                await using var started = await ConnectionStringTarget.OpenAsync(admin, Options, stop.Token);
                break;
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                // The driver says so with an OperationCanceledException, or with the socket it closed
                stopped++;
            }

            // Then none that was stopped left an account (the accounts would let a stranger log in until the next sweep)
            Assert.Equal(before, await RunAccountsAsync());
        }
        Assert.True(stopped > 0, "no start was stopped");
    }

    private Task<IReadOnlyList<string>> RunAccountsAsync() => server.ColumnAsync("SELECT user FROM mysql.user WHERE user LIKE 'mh\\_%' ORDER BY user");

    // What a kill -9 of the harness leaves: the server closes every session of the run, its lock with them.
    private async Task KillAsync(string run)
    {
        var sessions = await server.ColumnAsync(
            $"SELECT ID FROM information_schema.PROCESSLIST WHERE USER LIKE 'mh\\_%\\_{run}%' " +
            $"UNION SELECT IS_USED_LOCK('mutationharness_run_{run}')");
        foreach (var id in sessions.Where(id => id.Length > 0))
            await server.ExecuteAsync($"KILL {id}");
        // A killed session ends (and frees its lock) a moment after KILL returns.
        var gone = $"SELECT IS_USED_LOCK('mutationharness_run_{run}') IS NULL AND NOT EXISTS " +
                   $"(SELECT 1 FROM information_schema.PROCESSLIST WHERE USER LIKE 'mh\\_%\\_{run}%')";
        for (var i = 0; i < 100 && (await server.ColumnAsync(gone))[0] != "1"; i++)
            await Task.Delay(50, Token);
        Assert.Equal(["1"], await server.ColumnAsync(gone));
    }
}
