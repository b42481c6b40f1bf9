using MutationHarness.Core.Pairs;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification;

/// <summary>Verifies pairs on every target: static checks first, then execution and the oracle.</summary>
public sealed class Verifier : IAsyncDisposable
{
    private readonly StaticChecks _checks;
    private readonly IReadOnlyList<OpenTarget> _targets;
    private readonly VerifyOptions _options;

    private Verifier(StrategyCatalog catalog, IReadOnlyList<OpenTarget> targets, VerifyOptions options)
    {
        _checks = new StaticChecks(catalog);
        _targets = targets;
        _options = options;
    }

    /// <summary>The targets in use, with their server versions, for the summary.</summary>
    public IReadOnlyList<string> TargetDescriptions =>
        _targets.Select(t => $"{t.Target.Name} ({t.Target.Server.Flavor} {t.Target.Server.Version}" +
            string.Concat(t.Target.Protections.Notices.Select(notice => "; " + notice)) + ")").ToList();

    /// <summary>The open targets with the shared databases loaded on each, for graders that run SQL of their own there.</summary>
    public IReadOnlyList<OpenTarget> OpenTargets => _targets;

    /// <summary>Opens every target and loads the shared fixture databases on each.</summary>
    public static async Task<Verifier> StartAsync(VerifyOptions options, StrategyCatalog catalog,
        ITargetOpener opener, CancellationToken cancellationToken)
    {
        var fixtures = SharedFixtures.For(options);
        var open = new List<OpenTarget>();
        try
        {
            foreach (var spec in options.Targets)
            {
                var target = await opener.OpenAsync(spec, options, cancellationToken);
                try
                {
                    var databases = new List<Databases.Targets.FixtureDatabase>();
                    foreach (var fixture in fixtures)
                        databases.Add(await target.LoadFixtureAsync(fixture, cancellationToken));
                    open.Add(new OpenTarget(target, databases));
                }
                catch
                {
                    await target.DisposeAsync();
                    throw;
                }
            }
        }
        catch
        {
            foreach (var target in open)
                await target.Target.DisposeAsync();
            throw;
        }
        return new Verifier(catalog, open, options);
    }

    /// <summary>Verifies one pair (used by graders); never throws for a bad pair.</summary>
    public async Task<PairReport> VerifyAsync(InputRecord record, CancellationToken cancellationToken)
    {
        var (plan, stopped) = _checks.Check(record);
        if (stopped is not null)
            return stopped with { Index = record.Index };
        if (plan!.Pair.Setup.Count > 0 && _targets.Select(t => RecordSetupDatabase.Refusal(t.Target, _options)).FirstOrDefault(r => r is not null) is { } refusal)
            return new PairReport(record.Id, record.Source, plan.Pair, Verdict.Rejected, refusal, plan.Expected, plan.Conformance, plan.Flags, plan.Notes, []) { Index = record.Index };
        var reports = new List<TargetReport>(_targets.Count);
        foreach (var target in _targets)
            reports.Add(await new TargetRunner(target, _options).RunAsync(plan!, cancellationToken));
        var verdict = VerdictPrecedence.Worst(reports.Select(r => r.Verdict));
        return new PairReport(record.Id, record.Source, plan!.Pair, verdict, ReasonFor(verdict, reports, plan.Flags),
            plan.Expected, plan.Conformance, plan.Flags, plan.Notes, reports) { Index = record.Index };
    }

    /// <summary>Verifies a stream of records with <see cref="VerifyOptions.Jobs"/> in flight, yielding reports in input order.</summary>
    public IAsyncEnumerable<PairReport> VerifyAllAsync(IAsyncEnumerable<InputRecord> records, CancellationToken cancellationToken) =>
        VerifyAllAsync(records, CancellationToken.None, cancellationToken);

    /// <summary>As above; when <paramref name="stopTaking"/> is cancelled no more records are taken and those in flight
    /// finish (unless <paramref name="cancellationToken"/> abandons them); every report finished in order is yielded.</summary>
    public IAsyncEnumerable<PairReport> VerifyAllAsync(IAsyncEnumerable<InputRecord> records, CancellationToken stopTaking, CancellationToken cancellationToken) =>
        InOrderWorkers.RunAsync(records, Math.Max(1, _options.Jobs), VerifyAsync, stopTaking, cancellationToken);

    private string? ReasonFor(Verdict verdict, IReadOnlyList<TargetReport> reports, IReadOnlyList<string> flags)
    {
        if (verdict == Verdict.Verified)
            return null;
        var target = reports.First(r => r.Verdict == verdict);
        var run = target.Databases.First(d => d.Verdict == verdict);
        var where = $"on {target.Target}, database {run.Database}";
        return verdict switch
        {
            Verdict.NotExecutable when run.SetupError is not null => $"{run.SetupError} ({where})",
            Verdict.NotExecutable => $"{SideError("original", run.Original)}{SideError("mutated", run.Mutated)}({where})",
            Verdict.Timeout => $"a statement ran past its {_options.StatementTimeout.TotalSeconds:0.###} s deadline ({where})",
            Verdict.RelationViolated => $"{run.Relation?.Problem}; violated on all {run.Relation?.Runs} runs ({where})",
            Verdict.TooLarge => $"{SideTooLarge("original", run.Original)}{SideTooLarge("mutated", run.Mutated)}({where})",
            Verdict.Unstable when flags.Count > 0 =>
                $"the relation broke on {run.Relation?.Violations} of {run.Relation?.Runs} runs ({where}), but the pair is flagged " +
                $"({string.Join("; ", flags)}), so no relation is expected: not a bug candidate",
            Verdict.Unstable => $"the relation broke on {run.Relation?.Violations} of {run.Relation?.Runs} runs ({where})",
            _ => null,
        };
    }

    private static string SideTooLarge(string side, SideRun? run) =>
        run?.TooLarge is { } limit ? $"the {side} result was stopped unjudged after {run.Rows:N0} rows: {limit} " : "";

    private static string SideError(string side, SideRun? run) =>
        run is { Ok: false, ErrorNumber: { } number } ? $"the {side} query failed with error {number}: {run.ErrorMessage} " : "";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var target in _targets)
        {
            foreach (var database in target.Databases)
            {
                try { await target.Target.DropFixtureAsync(database, CancellationToken.None); }
                catch (Exception) { /* the server goes away with the target anyway */ }
            }
            await target.Target.DisposeAsync();
        }
    }
}
