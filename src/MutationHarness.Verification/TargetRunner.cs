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
        RecordSetupDatabase.RunAsync(open.Target, plan.Pair.Id, plan.Pair.Setup, options,
            database => RunOnAsync(plan, database, cancellationToken),
            (name, reason) => new DatabaseRun(name, Verdict.NotExecutable, null, null, null, reason), cancellationToken);

    private async Task<DatabaseRun> RunOnAsync(PairPlan plan, FixtureDatabase database, CancellationToken cancellationToken)
    {
        var reuse = options.ReuseSeedResults && plan.Flags.Count == 0 && plan.Pair.Setup.Count == 0;
        var cached = reuse ? open.SeedResults.Find(database.Name, plan.Pair.Original) : null;
        var (original, mutated) = cached is not null
            ? (cached, await ExecuteAsync(database, plan.Pair.Mutated, null, cancellationToken))
            : await RunBothAsync(plan, database, null, cancellationToken);
        if (reuse && cached is null)
            open.SeedResults.Keep(database.Name, plan.Pair.Original, original);
        var sides = (Side(original) with { Reused = cached is not null }, Side(mutated));
        if (original is ServerErrorOutcome or SessionChangedOutcome || mutated is ServerErrorOutcome or SessionChangedOutcome)
            return new DatabaseRun(database.FixtureName, Verdict.NotExecutable, sides.Item1, sides.Item2, null, null);
        if (original is TimeoutOutcome || mutated is TimeoutOutcome)
            return new DatabaseRun(database.FixtureName, Verdict.Timeout, sides.Item1, sides.Item2, null, null);
        if (original is TooLargeOutcome || mutated is TooLargeOutcome)
            return new DatabaseRun(database.FixtureName, Verdict.TooLarge, sides.Item1, sides.Item2, null, null);

        var judge = new RelationJudge(open.Target, database, plan, options.StatementTimeout);
        var first = await judge.JudgeAsync(((RowsOutcome) original).Result, ((RowsOutcome) mutated).Result, cancellationToken);
        // A violation counts only if it reproduces; a non-deterministic pair is re-run even when it holds.
        var rerun = !first.Holds || plan.Flags.Count > 0;
        // Rows whose text was not kept (a large result) are asked for by hash on the re-run, for the witness.
        var witness = first.Witness;
        var wanted = first.WitnessComplete ? null : first.Missing.Select(m => m.Hash).ToHashSet();
        var (runs, violations) = (1, first.Holds ? 0 : 1);
        for (var i = 0; rerun && i < options.Reruns; i++)
        {
            var (again, againMutated) = await RunBothAsync(plan, database, wanted, cancellationToken);
            if (again is SessionChangedOutcome || againMutated is SessionChangedOutcome)
                return new DatabaseRun(database.FixtureName, Verdict.NotExecutable, Side(again), Side(againMutated), null, null);
            runs++;
            if (again is not RowsOutcome againRows || againMutated is not RowsOutcome againMutatedRows)
            {
                violations++;
                continue;
            }
            if (!(await judge.JudgeAsync(againRows.Result, againMutatedRows.Result, cancellationToken)).Holds)
                violations++;
            if (wanted is not null && witness.Count < first.Missing.Count)
                witness = MultisetOracle.Witness(first.Missing, plan.Expected.IsUpper ? againRows.Result : againMutatedRows.Result);
        }

        // A non-deterministic pair has no meaningful relation: its violations are instability, not bugs.
        var verdict = violations == 0 ? Verdict.Verified
            : violations == runs && plan.Flags.Count == 0 && plan.Caveats.Count == 0 ? Verdict.RelationViolated
            : Verdict.Unstable;
        return new DatabaseRun(database.FixtureName, verdict, sides.Item1, sides.Item2,
            new RelationRun(violations == 0, runs, violations, first.Problem, first.Holds ? [] : witness, first.BothEqual) { Note = first.Note }, null);
    }

    private async Task<(StatementOutcome Original, StatementOutcome Mutated)> RunBothAsync(
        PairPlan plan, FixtureDatabase database, IReadOnlySet<UInt128>? wanted, CancellationToken cancellationToken)
    {
        var original = await ExecuteAsync(database, plan.Pair.Original, wanted, cancellationToken);
        var mutated = await ExecuteAsync(database, plan.Pair.Mutated, wanted, cancellationToken);
        return (original, mutated);
    }

    private Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, IReadOnlySet<UInt128>? wanted, CancellationToken cancellationToken) =>
        open.Target.ExecuteAsync(database, sql,
            new ReadRequest(options.StatementTimeout) { Limits = options.ResultLimits, KeepRows = wanted }, cancellationToken);

    private static SideRun Side(StatementOutcome outcome) => outcome switch
    {
        RowsOutcome rows => new SideRun(true, rows.Result.RowCount, rows.Elapsed.TotalMilliseconds, null, null, null, false) { Bytes = rows.Result.Bytes },
        TooLargeOutcome large => new SideRun(false, large.Rows, large.Elapsed.TotalMilliseconds, null, null, null, false) { TooLarge = large.Limit, Bytes = large.Bytes },
        ServerErrorOutcome error => new SideRun(false, null, error.Elapsed.TotalMilliseconds, error.Number, error.SqlState, error.Message, false),
        SessionChangedOutcome changed => new SideRun(false, null, changed.Elapsed.TotalMilliseconds, null, null, changed.Change, false),
        _ => new SideRun(false, null, outcome.Elapsed.TotalMilliseconds, null, null, "the statement ran past its deadline", true),
    };
}
