using MutationHarness.Databases.Targets;

namespace MutationHarness.Evaluation;

/// <summary>How the answer's SQL ran on one database of one target, beside the seed query when there is one.</summary>
/// <param name="Where">The target and database, for details.</param>
/// <param name="Ok">The answer's SQL returned rows.</param>
/// <param name="TimedOut">It ran past its deadline.</param>
/// <param name="ErrorNumber">The server's error number when it failed.</param>
/// <param name="ErrorMessage">The server's message when it failed.</param>
/// <param name="Differs">Its result differs from the seed's (null when not compared).</param>
/// <param name="SeedProblem">Why the seed query itself did not run, if it did not.</param>
internal sealed record Observation(string Where, bool Ok, bool TimedOut, int? ErrorNumber, string? ErrorMessage, bool? Differs, string? SeedProblem)
{
    /// <summary>The observation of an answer's outcome, compared with the seed's when one ran.</summary>
    public static Observation Of(string where, StatementOutcome answer, StatementOutcome? seed = null)
    {
        bool? differs = seed is RowsOutcome s && answer is RowsOutcome a ? !ResultComparison.SameMultiset(s.Result, a.Result) : null;
        var seedProblem = seed switch
        {
            ServerErrorOutcome e => $"error {e.Number}: {e.Message}",
            TimeoutOutcome => "it ran past its deadline",
            TooLargeOutcome t => $"its result was stopped unjudged: {t.Limit}",
            SessionChangedOutcome c => c.Change,
            _ => null,
        };
        return answer switch
        {
            ServerErrorOutcome e => new Observation(where, false, false, e.Number, e.Message, differs, seedProblem),
            TimeoutOutcome => new Observation(where, false, true, null, "ran past its deadline", differs, seedProblem),
            TooLargeOutcome t => new Observation(where, false, false, null, $"its result was stopped unjudged: {t.Limit}", differs, seedProblem),
            SessionChangedOutcome c => new Observation(where, false, false, null, c.Change, differs, seedProblem),
            _ => new Observation(where, true, false, null, null, differs, seedProblem),
        };
    }
}

/// <summary>The execution metrics every mode shares: executes everywhere, and no invented identifiers.</summary>
internal static class ExecutionMetrics
{
    public static void Apply(MetricSheet sheet, IReadOnlyList<Observation> observations)
    {
        var failed = observations.FirstOrDefault(o => !o.Ok);
        sheet.Set(MetricNames.Executes, observations.Count > 0 && failed is null, failed switch
        {
            null => "no database to run on",
            { TimedOut: true } => $"ran past its deadline ({failed.Where})",
            { ErrorNumber: { } number } => $"error {number}: {failed.ErrorMessage} ({failed.Where})",
            _ => $"{failed.ErrorMessage ?? "did not run"} ({failed.Where})",
        });
        if (observations.Count == 0)
            return;
        foreach (var observation in observations)
        {
            // Where the seed fails too (a MySQL seed on MariaDB, a record whose own tables are missing), an
            // unknown name is the test set's, not the model's invention.
            if (observation.SeedProblem is null && observation.ErrorNumber is { } number
                && Hallucinations.From(number, observation.ErrorMessage) is { } invented)
                sheet.Invented(invented);
        }
        sheet.Set(MetricNames.NoHallucination, sheet.Hallucinations.Count == 0,
            "unknown " + string.Join(", ", sheet.Hallucinations));
        if (observations.FirstOrDefault(o => o.SeedProblem is not null) is { } seed)
            sheet.Note($"the seed query itself did not run: {seed.SeedProblem} ({seed.Where})");
    }
}
