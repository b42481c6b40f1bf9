using MutationHarness.Core.Pairs;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification;

/// <summary>Verifies pairs on every target: static checks first, then execution and the oracle.</summary>
public sealed class Verifier : IAsyncDisposable
{
    private const int AttemptsPerRecord = 3;
    private readonly StaticChecks _checks;
    private readonly IReadOnlyList<TargetSlot> _slots;
    private readonly VerifyOptions _options;
    private readonly RestartBudget _restarts = new();

    private Verifier(StrategyCatalog catalog, IReadOnlyList<TargetSlot> slots, VerifyOptions options)
    {
        _checks = new StaticChecks(catalog);
        _slots = slots;
        _options = options;
    }

    /// <summary>Where notices go (a server lost and replaced); standard error in the CLI.</summary>
    public Action<string> Notice { get; set; } = _ => { };

    /// <summary>The targets in use, with their server versions, for the summary.</summary>
    public IReadOnlyList<string> TargetDescriptions =>
        OpenTargets.Select(t => $"{t.Target.Name} ({t.Target.Server.Flavor} {t.Target.Server.Version}" +
            string.Concat(t.Target.Protections.Notices.Select(notice => "; " + notice)) + ")").ToList();

    /// <summary>The open targets with the shared databases loaded on each, for graders that run SQL of their own there.</summary>
    public IReadOnlyList<OpenTarget> OpenTargets => _slots.Select(s => s.Current).ToList();

    /// <summary>Opens every target and loads the shared fixture databases on each.</summary>
    public static async Task<Verifier> StartAsync(VerifyOptions options, StrategyCatalog catalog,
        ITargetOpener opener, CancellationToken cancellationToken)
    {
        var fixtures = SharedFixtures.For(options);
        async Task<OpenTarget> OpenAsync(string spec, CancellationToken token)
        {
            var target = await opener.OpenAsync(spec, options, token);
            try
            {
                var databases = new List<Databases.Targets.FixtureDatabase>();
                foreach (var fixture in fixtures)
                    databases.Add(await target.LoadFixtureAsync(fixture, token));
                return new OpenTarget(target, databases);
            }
            catch
            {
                await target.DisposeAsync();
                throw;
            }
        }

        var open = new List<TargetSlot>();
        try
        {
            foreach (var spec in options.Targets)
                open.Add(new TargetSlot(spec, await OpenAsync(spec, cancellationToken), OpenAsync));
        }
        catch
        {
            foreach (var slot in open)
                await slot.Current.Target.DisposeAsync();
            throw;
        }
        return new Verifier(catalog, open, options);
    }

    /// <summary>Verifies one pair (used by graders); never throws for a bad pair. A record whose server is lost under
    /// it runs again from the start once the server is back; it is never reported from a server that died.</summary>
    public async Task<PairReport> VerifyAsync(InputRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (plan, stopped) = _checks.Check(record);
        if (stopped is not null)
            return stopped with { Index = record.Index };
        if (plan!.Pair.Setup.Count > 0 && OpenTargets.Select(t => RecordSetupDatabase.Refusal(t.Target, _options)).FirstOrDefault(r => r is not null) is { } refusal)
            return new PairReport(record.Id, record.Source, plan.Pair, Verdict.Rejected, refusal, plan.Expected, plan.Conformance, plan.Flags, plan.Notes, []) { Index = record.Index };
        for (var attempt = 1; ; attempt++)
        {
            var targets = _slots.Select(s => (Slot: s, s.Generation, Open: s.Current)).ToList();
            var reports = new List<TargetReport>(targets.Count);
            try
            {
                foreach (var (_, _, open) in targets)
                    reports.Add(await new TargetRunner(open, _options).RunAsync(plan!, cancellationToken));
            }
            catch (Databases.Targets.TargetLostException lost) when (!cancellationToken.IsCancellationRequested)
            {
                var (slot, generation, open) = targets[reports.Count];
                if (attempt == AttemptsPerRecord)
                    throw new TargetFailedException($"{open.Target.Name} was lost {attempt} times while record {record.Id} ({record.Source}) " +
                        $"ran (last: {lost.Message}): the record may be what stops the server; run without it, or alone",
                        slot.LastLogTail ?? (open.Target as Databases.Local.LocalMariaDbTarget)?.ErrorLogTail(), lost);
                await slot.RecoverAsync(generation, lost, _restarts, _options, Notice, cancellationToken);
                continue;
            }
            _restarts.Progress();
            var verdict = VerdictPrecedence.Worst(reports.Select(r => r.Verdict));
            return new PairReport(record.Id, record.Source, plan!.Pair, verdict, ReasonFor(verdict, reports, plan.Flags, plan.Caveats),
                plan.Expected, plan.Conformance, plan.Flags, plan.Notes, reports) { Index = record.Index };
        }
    }

    /// <summary>Verifies a stream of records with <see cref="VerifyOptions.Jobs"/> in flight, yielding reports in input order.</summary>
    public IAsyncEnumerable<PairReport> VerifyAllAsync(IAsyncEnumerable<InputRecord> records, CancellationToken cancellationToken) =>
        VerifyAllAsync(records, CancellationToken.None, cancellationToken);

    /// <summary>As above; when <paramref name="stopTaking"/> is cancelled no more records are taken and those in flight
    /// finish (unless <paramref name="cancellationToken"/> abandons them); every report finished in order is yielded.</summary>
    public IAsyncEnumerable<PairReport> VerifyAllAsync(IAsyncEnumerable<InputRecord> records, CancellationToken stopTaking, CancellationToken cancellationToken) =>
        InOrderWorkers.RunAsync(records, Math.Max(1, _options.Jobs), VerifyAsync, stopTaking, cancellationToken);

    private string? ReasonFor(Verdict verdict, IReadOnlyList<TargetReport> reports, IReadOnlyList<string> flags, IReadOnlyList<string> caveats)
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
            Verdict.Unstable when caveats.Count > 0 =>
                $"the relation broke on {run.Relation?.Violations} of {run.Relation?.Runs} runs ({where}), but {string.Join("; ", caveats)} " +
                "can break it with no bug in the server: not a bug candidate",
            Verdict.Unstable => $"the relation broke on {run.Relation?.Violations} of {run.Relation?.Runs} runs ({where})",
            _ => null,
        };
    }

    private static string SideTooLarge(string side, SideRun? run) =>
        run?.TooLarge is { } limit ? $"the {side} result was stopped unjudged after {run.Rows:N0} rows: {limit} " : "";

    private static string SideError(string side, SideRun? run) =>
        run is { Ok: false, ErrorNumber: { } number } ? $"the {side} query failed with error {number}: {run.ErrorMessage} "
        : run is { Ok: false, TimedOut: false, TooLarge: null, ErrorMessage: { } problem } ? $"the {side} query: {problem} "
        : "";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var target in OpenTargets)
        {
            foreach (var database in target.Databases)
            {
                // Bounded: a server that answers nothing (frozen) would hold the end of the run for ever.
                using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try { await target.Target.DropFixtureAsync(database, deadline.Token); }
                catch (Exception) { /* the server goes away with the target anyway */ }
            }
            await TargetSlot.DisposeQuietlyAsync(target);
        }
    }
}
