using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Verification;

/// <summary>A fresh database built from a record's own setup statements, used once and dropped.</summary>
public static class RecordSetupDatabase
{
    private static readonly TimeSpan DropDeadline = TimeSpan.FromSeconds(10);

    /// <summary>Why a record's setup must not run on this target, or null: a target that cannot give a setup an
    /// account and a database of its own runs it only when the user allowed that.</summary>
    public static string? Refusal(IQueryTarget target, VerifyOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        return target.Protections.IsolatedSetups || options.AllowUnisolatedSetup ? null
            : $"the record has a setup, and on {target.Name} the given account cannot create users, so the setup cannot be " +
              "isolated from other records and databases; --allow-unisolated-setup runs it anyway, as that account";
    }

    /// <summary>Builds the database on the target, runs the work in it, and drops it; a setup that fails or goes past
    /// its budget is answered by <paramref name="setupFailed"/> with the reason, since it is the record's problem, not ours.</summary>
    public static async Task<T> RunAsync<T>(IQueryTarget target, string recordId, IReadOnlyList<string> setup, VerifyOptions options,
        Func<FixtureDatabase, Task<T>> work, Func<string, string, T> setupFailed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(setupFailed);
        // Input, not ours: an account and a database of its own, under the record's budget.
        var script = new FixtureScript($"setup of {recordId}", setup) { Budget = options.SetupBudget };
        if (Refusal(target, options) is { } refusal)
            return setupFailed(script.Name, refusal);
        FixtureDatabase database;
        try
        {
            database = await target.LoadFixtureAsync(script, cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or TargetLostException))
        {
            return setupFailed(script.Name, $"the record's setup failed: {e.Message}");
        }
        try
        {
            return await work(database);
        }
        finally
        {
            // Bounded: on a server that answers nothing (frozen) the drop would wait for ever.
            using var deadline = new CancellationTokenSource(DropDeadline);
            try
            {
                await target.DropFixtureAsync(database, deadline.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || deadline.IsCancellationRequested)
            {
                // Left for the target's own cleanup; the record's result stands.
            }
        }
    }
}
