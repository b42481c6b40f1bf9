using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Verification;

/// <summary>A fresh database built from a record's own setup statements, used once and dropped.</summary>
public static class RecordSetupDatabase
{
    /// <summary>Builds the database on the target, runs the work in it, and drops it; a setup that fails
    /// is answered by <paramref name="setupFailed"/> with the reason, since it is the record's problem, not ours.</summary>
    public static async Task<T> RunAsync<T>(IQueryTarget target, string recordId, IReadOnlyList<string> setup, TimeSpan deadline,
        Func<FixtureDatabase, Task<T>> work, Func<string, string, T> setupFailed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(setupFailed);
        // Input, not ours: an account that reaches only setup databases, and every statement under the deadline.
        var script = new FixtureScript($"setup of {recordId}", setup) { IsRecordSetup = true, StatementTimeout = deadline };
        FixtureDatabase database;
        try
        {
            database = await target.LoadFixtureAsync(script, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return setupFailed(script.Name, $"the record's setup failed: {e.Message}");
        }
        try
        {
            return await work(database);
        }
        finally
        {
            await target.DropFixtureAsync(database, CancellationToken.None);
        }
    }
}
