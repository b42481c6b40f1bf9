using MutationHarness.Core.Fixtures;
using MutationHarness.Core.Results;
using MutationHarness.Core.Verdicts;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Verification;

/// <summary>Runs one planned pair on one target: every database, reruns of violations, a verdict.</summary>
internal sealed class TargetRunner(OpenTarget open, VerifyOptions options)
{
    public async Task<TargetReport> RunAsync(PairPlan plan, CancellationToken cancellationToken)
    {
        var runs = new List<DatabaseRun>();
        if (plan.Pair.Setup.Count > 0)
            runs.Add(await RunWithOwnSetupAsync(plan, cancellationToken));
        else
        {
            foreach (var database in open.Databases)
                runs.Add(await RunOnAsync(plan, database, cancellationToken));
        }
        var server = open.Target.Server;
        return new TargetReport(open.Target.Name, server.Flavor.ToString(), server.Version, open.Session,
            VerdictPrecedence.Worst(runs.Select(r => r.Verdict)), runs);
    }

    private Task<DatabaseRun> RunWithOwnSetupAsync(PairPlan plan, CancellationToken cancellationToken) =>
        RecordSetupDatabase.RunAsync(open.Target, plan.Pair.Id, plan.Pair.Setup, options.StatementTimeout,
            database => RunOnAsync(plan, database, cancellationToken),
            (name, reason) => new DatabaseRun(name, Verdict.NotExecutable, null, null, null, reason), cancellationToken);

    private async Task<DatabaseRun> RunOnAsync(PairPlan plan, FixtureDatabase database, CancellationToken cancellationToken)
    {
        var reuse = options.ReuseSeedResults && plan.Flags.Count == 0 && plan.Pair.Setup.Count == 0;
        var cached = reuse ? open.SeedResults.Find(database.Name, plan.Pair.Original) : null;
        var (original, mutated) = cached is not null
            ? (cached, await open.Target.ExecuteAsync(database, plan.Pair.Mutated, options.StatementTimeout, cancellationToken))
            : await RunBothAsync(plan, database, cancellationToken);
        if (reuse && cached is null)
            open.SeedResults.Keep(database.Name, plan.Pair.Original, original);
        var sides = (Side(original) with { Reused = cached is not null }, Side(mutated));
        if (original is ServerErrorOutcome || mutated is ServerErrorOutcome)
            return new DatabaseRun(database.FixtureName, Verdict.NotExecutable, sides.Item1, sides.Item2, null, null);
        if (original is TimeoutOutcome || mutated is TimeoutOutcome)
            return new DatabaseRun(database.FixtureName, Verdict.Timeout, sides.Item1, sides.Item2, null, null);

        var first = Compare(plan, original, mutated);
        // A violation counts only if it reproduces; a non-deterministic pair is re-run even when it holds.
        var rerun = !first.Holds || plan.Flags.Count > 0;
        var (runs, violations) = (1, first.Holds ? 0 : 1);
        for (var i = 0; rerun && i < options.Reruns; i++)
        {
            var (again, againMutated) = await RunBothAsync(plan, database, cancellationToken);
            runs++;
            if (again is not RowsOutcome || againMutated is not RowsOutcome || !Compare(plan, again, againMutated).Holds)
                violations++;
        }

        // A non-deterministic pair has no meaningful relation: its violations are instability, not bugs.
        var verdict = violations == 0 ? Verdict.Verified
            : violations == runs && plan.Flags.Count == 0 ? Verdict.RelationViolated
            : Verdict.Unstable;
        var witness = first.Holds ? [] : first.Witness;
        return new DatabaseRun(database.FixtureName, verdict, sides.Item1, sides.Item2,
            new RelationRun(violations == 0, runs, violations, first.Problem, witness, first.BothEqual), null);
    }

    private async Task<(StatementOutcome Original, StatementOutcome Mutated)> RunBothAsync(
        PairPlan plan, FixtureDatabase database, CancellationToken cancellationToken)
    {
        var original = await open.Target.ExecuteAsync(database, plan.Pair.Original, options.StatementTimeout, cancellationToken);
        var mutated = await open.Target.ExecuteAsync(database, plan.Pair.Mutated, options.StatementTimeout, cancellationToken);
        return (original, mutated);
    }

    private static RelationOutcome Compare(PairPlan plan, StatementOutcome original, StatementOutcome mutated) =>
        MultisetOracle.Compare(((RowsOutcome)original).Result, ((RowsOutcome)mutated).Result, plan.Expected.Relation);

    private static SideRun Side(StatementOutcome outcome) => outcome switch
    {
        RowsOutcome rows => new SideRun(true, rows.Result.Rows.Count, rows.Elapsed.TotalMilliseconds, null, null, null, false),
        ServerErrorOutcome error => new SideRun(false, null, error.Elapsed.TotalMilliseconds, error.Number, error.SqlState, error.Message, false),
        _ => new SideRun(false, null, outcome.Elapsed.TotalMilliseconds, null, null, "the statement ran past its deadline", true),
    };
}
