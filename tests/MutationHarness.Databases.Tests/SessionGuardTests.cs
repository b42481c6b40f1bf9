using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Targets;
using MutationHarness.TestSupport;

namespace MutationHarness.Databases.Tests;

/// <summary>Defence in depth behind the guard: a statement that changes the pinned session (a stored function can) gets
/// no verdict, and no session carries anything from one statement to the next (issue 9, "defence in depth").</summary>
public sealed class SessionGuardTests(MariaDbServerFixture server)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    // The functions stand in for whatever might slip past the guard: records' setups cannot create any.
    private async Task<FixtureDatabase> LoadAsync() => await server.Target.LoadFixtureAsync(new FixtureScript("session guard",
    [
        "CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1), (2), (3)",
        "CREATE FUNCTION limit_one() RETURNS INT BEGIN SET SESSION sql_select_limit = 1; RETURN 1; END",
        "CREATE FUNCTION shift_zone() RETURNS INT BEGIN SET SESSION time_zone = '+05:00'; RETURN 1; END",
        "CREATE FUNCTION leave_variable() RETURNS INT BEGIN SET @left_behind = 42; RETURN 1; END",
    ]), Token);

    [Theory]
    [InlineData("SELECT a, limit_one() FROM t", "sql_select_limit")]
    [InlineData("SELECT a FROM t WHERE shift_zone() = 1", "time_zone")]
    public async Task A_statement_that_changes_a_pinned_variable_is_not_judged_and_later_statements_run_as_pinned(string sql, string variable)
    {
        // Given a database with a function that changes the session of whoever calls it
        var database = await LoadAsync();

        // When a statement calls it, and then every session runs a plain statement
        var changed = await server.Target.ExecuteAsync(database, sql, Deadline, Token);
        var after = await Task.WhenAll(Enumerable.Range(0, 2 * MariaDbServerFixture.Jobs)
            .Select(_ => server.Target.ExecuteAsync(database, "SELECT a, @@time_zone FROM t", Deadline, Token)));

        // Then the first is a session change naming the variable, not rows; and every later statement sees all rows in UTC
        var outcome = Assert.IsType<SessionChangedOutcome>(changed);
        Assert.Contains(variable, outcome.Change, StringComparison.Ordinal);
        Assert.All(after, o =>
        {
            var rows = Assert.IsType<RowsOutcome>(o).Result;
            Assert.Equal(3, rows.RowCount);
            Assert.All(rows.Rows, r => Assert.Equal("+00:00", r.Cells[1]));
        });
    }

    [Fact]
    public async Task Nothing_a_statement_leaves_in_its_session_reaches_the_next_statement()
    {
        // Given a statement that leaves a user variable behind (no pinned variable changes)
        var database = await LoadAsync();
        Assert.IsType<RowsOutcome>(await server.Target.ExecuteAsync(database, "SELECT leave_variable()", Deadline, Token));

        // When every session is used again
        var after = await Task.WhenAll(Enumerable.Range(0, 2 * MariaDbServerFixture.Jobs)
            .Select(_ => server.Target.ExecuteAsync(database, "SELECT @left_behind", Deadline, Token)));

        // Then none sees it: sessions are reset before reuse
        Assert.All(after, o => Assert.Null(Assert.IsType<RowsOutcome>(o).Result.Rows[0].Cells[0]));
    }
}
