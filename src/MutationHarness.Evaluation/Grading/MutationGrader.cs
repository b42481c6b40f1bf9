using MutationHarness.Core.Fixtures;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Databases.Targets;
using MutationHarness.Sql;
using MutationHarness.Verification;

namespace MutationHarness.Evaluation;

/// <summary>Grades mutants: each answer becomes a pair (seed, answer) under the example's strategy and goes through the
/// verifier, the very code path of <c>verify</c>. The example passes exactly when <c>verify</c> would call the pair
/// verified; the other metrics say why not, and never contradict it.</summary>
public sealed class MutationGrader : IExampleGrader
{
    private readonly Verifier _verifier;
    private readonly StrategyCatalog _catalog;
    private readonly VerifyOptions _options;
    private readonly TimeSpan _deadline;
    private readonly IReadOnlyList<string> _informational;

    private MutationGrader(Verifier verifier, StrategyCatalog catalog, VerifyOptions options, bool requireNonTrivial)
    {
        (_verifier, _catalog, _options, _deadline) = (verifier, catalog, options, options.StatementTimeout);
        _informational = requireNonTrivial ? MetricNames.InformationalRequiringNonTrivial : MetricNames.Informational;
    }

    /// <inheritdoc />
    public EvalMode Mode => EvalMode.Mutation;

    /// <inheritdoc />
    public IReadOnlyList<string> TargetDescriptions => _verifier.TargetDescriptions;

    /// <summary>Opens the targets and loads the generated databases, as <c>verify</c> does; with
    /// <paramref name="requireNonTrivial"/> an answer whose rows equal the seed's on every database fails.</summary>
    public static async Task<MutationGrader> StartAsync(VerifyOptions options, StrategyCatalog catalog, ITargetOpener opener,
        CancellationToken cancellationToken, bool requireNonTrivial = false)
    {
        var verifier = await Verifier.StartAsync(options, catalog, opener, cancellationToken);
        return new MutationGrader(verifier, catalog, options, requireNonTrivial);
    }

    /// <inheritdoc />
    public async Task<ExampleResult> GradeAsync(TestExample example, ModelAnswer answer, CancellationToken cancellationToken)
    {
        var (sheet, sql, extracted) = AnswerChecks.Begin(Mode, example, answer, _informational);
        if (sql is null)
            return sheet.Build(example, answer, extracted);

        var pair = new MutationPair(example.Id, new SourceLocation("eval", example.Line), example.Strategy,
            example.Original, sql, example.Dbms, null, example.Setup ?? []);
        var report = await _verifier.VerifyAsync(InputRecord.Read(pair), cancellationToken);
        if (report.Conformance is { } judged && ParsesPerVerifier(judged) is { } parses)
            sheet.Set(MetricNames.Parses, parses, judged.Reason);
        var conforms = report.Conformance?.Conforms == true;
        sheet.Set(MetricNames.Conforms, conforms, ConformanceDetail(example, report));

        // A mutant that does not conform is never run by the verifier; it still runs here, so that an
        // echo, a wrong direction or an invented column is seen for what it is.
        var observations = report.Targets.Count > 0 ? FromReport(report) : await RunDirectlyAsync(example, sql, cancellationToken);
        ExecutionMetrics.Apply(sheet, observations);
        sheet.Set(MetricNames.Relation, report.Verdict == Verdict.Verified, conforms
            ? $"{report.Verdict.Name()}: {report.Reason}"
            : $"{report.Verdict.Name()}: the mutant does not conform");
        sheet.Set(MetricNames.NonTrivial, observations.Any(o => o.Differs == true),
            observations.Any(o => o.Differs == false)
                ? $"the result equals the seed's on all {observations.Count} databases (an echo?)"
                : "no result to compare with the seed's");
        return sheet.Build(example, answer, sql) with { NonConformance = NonConformance.Of(report, _catalog.Find(example.Strategy), _catalog) };
    }

    // The verifier's own reading of the mutant: a conformance check that got past parsing parsed it (its fast path
    // proves most pairs without a full parse); one that stopped at the original's syntax says nothing about the mutant.
    private static bool? ParsesPerVerifier(ConformanceReport conformance) =>
        conformance.Failure != nameof(ConformanceFailure.DoesNotParse) ? true
        : conformance.Reason?.StartsWith("The mutant", StringComparison.Ordinal) == true ? false
        : null;

    private string? ConformanceDetail(TestExample example, PairReport report)
    {
        if (report.Conformance is not { } conformance)
            return $"not judged: {report.Reason}";
        if (conformance.Conforms)
            return null;
        var asked = _catalog.Find(example.Strategy);
        var other = _catalog.Find(conformance.OtherStrategy);
        var direction = asked is not null && other is not null && other.IsUpper != asked.IsUpper
            ? $"wrong direction: the mutant is {other.Name}, a {(other.IsUpper ? "superset" : "subset")} mutation; "
            : other is not null ? $"the mutant is {other.Name}; " : "";
        return $"{direction}{conformance.Reason ?? conformance.Failure}";
    }

    private static List<Observation> FromReport(PairReport report) =>
        report.Targets.SelectMany(target => target.Databases.Select(run => new Observation(
            $"{target.Target}, database {run.Database}",
            run.Mutated?.Ok == true,
            run.Mutated?.TimedOut == true,
            run.Mutated?.ErrorNumber,
            run.Mutated?.ErrorMessage ?? run.SetupError,
            run.Relation is { } relation ? !relation.Identical : null,
            run.Original is { Ok: false } seed ? seed.ErrorMessage : null))).ToList();

    private async Task<List<Observation>> RunDirectlyAsync(TestExample example, string sql, CancellationToken cancellationToken)
    {
        var observations = new List<Observation>();
        foreach (var (target, databases) in _verifier.OpenTargets)
        {
            if (example.Setup is { Count: > 0 } setup)
                observations.Add(await RunOnOwnSetupAsync(target, example, setup, sql, cancellationToken));
            else
            {
                foreach (var database in databases)
                    observations.Add(await RunOnAsync(target, database, example.Original, sql, cancellationToken));
            }
        }
        return observations;
    }

    private Task<Observation> RunOnOwnSetupAsync(IQueryTarget target, TestExample example, IReadOnlyList<string> setup,
        string sql, CancellationToken cancellationToken) =>
        RecordSetupDatabase.RunAsync(target, example.Id, setup, _options,
            database => RunOnAsync(target, database, example.Original, sql, cancellationToken),
            (name, reason) => new Observation($"{target.Name}, {name}", false, false, null, reason, null, reason), cancellationToken);

    private async Task<Observation> RunOnAsync(IQueryTarget target, FixtureDatabase database, string original, string sql,
        CancellationToken cancellationToken)
    {
        var where = $"{target.Name}, database {database.FixtureName}";
        // The test set's seed reaches a server only through the guard, like every other statement.
        if (SqlFacts.GuardProblem(original) is { } unsafeSeed)
            return Observation.Of(where, await target.ExecuteAsync(database, sql, _deadline, cancellationToken)) with { SeedProblem = $"it is not a single read-only SELECT: {unsafeSeed}" };
        var seed = await target.ExecuteAsync(database, original, _deadline, cancellationToken);
        var mutant = await target.ExecuteAsync(database, sql, _deadline, cancellationToken);
        return Observation.Of(where, mutant, seed);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _verifier.DisposeAsync();
}
