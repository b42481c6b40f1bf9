using MutationHarness.Core.Fixtures;
using MutationHarness.Core.Records;
using MutationHarness.Databases.Targets;
using MutationHarness.Verification;

namespace MutationHarness.Evaluation;

/// <summary>Grades plain SQL answers (natural language to SQL) on databases built from schema fixtures.</summary>
public sealed class SqlModeGrader : IExampleGrader
{
    private readonly IReadOnlyList<(IQueryTarget Target, IReadOnlyList<FixtureDatabase> Databases)> _open;
    private readonly TimeSpan _deadline;

    private SqlModeGrader(IReadOnlyList<(IQueryTarget, IReadOnlyList<FixtureDatabase>)> open, TimeSpan deadline)
    {
        _open = open;
        _deadline = deadline;
    }

    /// <inheritdoc />
    public EvalMode Mode => EvalMode.Sql;

    /// <inheritdoc />
    public IReadOnlyList<string> TargetDescriptions =>
        _open.Select(o => $"{o.Target.Name} ({o.Target.Server.Flavor} {o.Target.Server.Version})").ToList();

    /// <summary>Opens every target and loads each schema fixture (any setup SQL script) as one database.</summary>
    public static async Task<SqlModeGrader> StartAsync(VerifyOptions options, IReadOnlyList<string> schemaFiles, ITargetOpener opener,
        CancellationToken cancellationToken)
    {
        if (schemaFiles.Count == 0)
            throw new InputException("SQL mode needs a schema fixture: a setup SQL file that builds the tables the questions are about");
        var fixtures = new List<FixtureScript>();
        foreach (var file in schemaFiles)
        {
            if (!File.Exists(file))
                throw new InputException($"schema fixture not found: {file}");
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            fixtures.Add(new FixtureScript(Path.GetFileName(file), DataScriptSplitter.Split(text)));
        }
        var open = new List<(IQueryTarget, IReadOnlyList<FixtureDatabase>)>();
        try
        {
            foreach (var spec in options.Targets)
            {
                var target = await opener.OpenAsync(spec, options, cancellationToken);
                open.Add((target, []));
                var databases = new List<FixtureDatabase>();
                foreach (var fixture in fixtures)
                    databases.Add(await target.LoadFixtureAsync(fixture, cancellationToken));
                open[^1] = (target, databases);
            }
        }
        catch
        {
            foreach (var (target, _) in open)
                await target.DisposeAsync();
            throw;
        }
        return new SqlModeGrader(open, options.StatementTimeout);
    }

    /// <inheritdoc />
    public async Task<ExampleResult> GradeAsync(TestExample example, ModelAnswer answer, CancellationToken cancellationToken)
    {
        var (sheet, sql, extracted) = AnswerChecks.Begin(Mode, example, answer);
        if (sql is null)
            return sheet.Build(example, answer, extracted);
        var reference = string.IsNullOrWhiteSpace(example.Reference) ? null : SqlExtractor.Extract(example.Reference);
        if (reference is not null && SqlFacts.GuardProblem(reference) is { } unsafeReference)
        {
            sheet.Note($"the reference was not run: {unsafeReference}");
            reference = null;
        }

        var observations = new List<Observation>();
        var (matched, compared) = (true, 0);
        var ordered = reference is not null && SqlFacts.HasTopLevelOrderBy(reference);
        foreach (var (target, databases) in _open)
        {
            foreach (var database in databases)
            {
                var where = $"{target.Name}, database {database.FixtureName}";
                var outcome = await target.ExecuteAsync(database, sql, _deadline, cancellationToken);
                observations.Add(Observation.Of(where, outcome));
                if (reference is null)
                    continue;
                var expected = await target.ExecuteAsync(database, reference, _deadline, cancellationToken);
                if (expected is not RowsOutcome want)
                {
                    sheet.Note($"the reference did not run ({where}): {(expected as ServerErrorOutcome)?.Message ?? "it ran past its deadline"}");
                    continue;
                }
                compared++;
                var same = outcome is RowsOutcome got
                    && (ordered ? ResultComparison.SameSequence(want.Result, got.Result) : ResultComparison.SameMultiset(want.Result, got.Result));
                if (!same && matched)
                    sheet.Note($"{MetricNames.ExecutionAccuracy}: the result differs from the reference's{(ordered ? " (compared in order: the reference has ORDER BY)" : "")} ({where})");
                matched &= same;
            }
        }
        ExecutionMetrics.Apply(sheet, observations);
        if (compared > 0)
            sheet.Set(MetricNames.ExecutionAccuracy, matched);
        return sheet.Build(example, answer, sql);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var (target, databases) in _open)
        {
            foreach (var database in databases)
            {
                try { await target.DropFixtureAsync(database, CancellationToken.None); }
                catch (Exception) { /* the server goes away with the target anyway */ }
            }
            await target.DisposeAsync();
        }
    }
}
