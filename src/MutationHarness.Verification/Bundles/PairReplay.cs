using MutationHarness.Core.Pairs;
using MutationHarness.Core.Results;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Verification.Bundles;

/// <summary>Both sides' rows of a pair on one target, run once more on the database it violated on, for a bug report.</summary>
internal static class PairReplay
{
    public static async Task<(ResultSet? Original, ResultSet? Mutated)> RunAsync(OpenTarget target, MutationPair pair, string database,
        VerifyOptions options, CancellationToken cancellationToken)
    {
        var deadline = options.StatementTimeout;
        if (pair.Setup.Count > 0)
        {
            return await RecordSetupDatabase.RunAsync(target.Target, pair.Id, pair.Setup, options,
                db => BothAsync(target.Target, db, pair, deadline, cancellationToken), (_, _) => ((ResultSet?)null, (ResultSet?)null), cancellationToken);
        }
        return target.Databases.FirstOrDefault(d => d.FixtureName == database) is { } shared
            ? await BothAsync(target.Target, shared, pair, deadline, cancellationToken)
            : (null, null);
    }

    private static async Task<(ResultSet?, ResultSet?)> BothAsync(IQueryTarget target, FixtureDatabase database, MutationPair pair,
        TimeSpan deadline, CancellationToken cancellationToken)
    {
        var original = await target.ExecuteAsync(database, pair.Original, deadline, cancellationToken);
        var mutated = await target.ExecuteAsync(database, pair.Mutated, deadline, cancellationToken);
        return ((original as RowsOutcome)?.Result, (mutated as RowsOutcome)?.Result);
    }
}
