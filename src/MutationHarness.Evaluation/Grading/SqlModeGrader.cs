using MutationHarness.Databases.Targets;
using MutationHarness.Sql;
using MutationHarness.Verification;

namespace MutationHarness.Evaluation;

/// <summary>Grades plain SQL answers (natural language to SQL) on databases built from schema fixtures; every name of
/// an answer that fails is resolved statically against the schema, so that all the invented ones are named, not
/// only the first the server stops at.</summary>
public sealed class SqlModeGrader : IExampleGrader
{
    private readonly SchemaTargets _schema;
    private readonly SchemaCatalog _catalog;
    private readonly TimeSpan _deadline;

    private SqlModeGrader(SchemaTargets schema, SchemaCatalog catalog, TimeSpan deadline)
    {
        (_schema, _catalog, _deadline) = (schema, catalog, deadline);
    }

    /// <inheritdoc />
    public EvalMode Mode => EvalMode.Sql;

    /// <inheritdoc />
    public IReadOnlyList<string> TargetDescriptions => _schema.Descriptions;

    /// <summary>Opens every target, loads each schema fixture (any setup SQL script) as one database, and reads
    /// their information_schema (tables, columns, stored functions) for resolving names.</summary>
    public static async Task<SqlModeGrader> StartAsync(VerifyOptions options, IReadOnlyList<string> schemaFiles, ITargetOpener opener,
        CancellationToken cancellationToken)
    {
        var schema = await SchemaTargets.StartAsync(options, schemaFiles, "SQL", opener, cancellationToken);
        try
        {
            var (target, databases) = schema.Open[0];
            var catalogs = new List<SchemaCatalog>();
            foreach (var database in databases)
                catalogs.Add(await SchemaReader.ReadCatalogAsync(target, database, options.StatementTimeout, cancellationToken));
            return new SqlModeGrader(schema, SchemaCatalog.Union(catalogs), options.StatementTimeout);
        }
        catch
        {
            await schema.DisposeAsync();
            throw;
        }
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
        foreach (var (target, databases) in _schema.Open)
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
        // A statement that ran everywhere named only what exists; one that failed is read for every unknown name.
        if (observations.Any(o => !o.Ok))
            sheet.Resolved(StaticNames.Unknown(sql, _catalog));
        if (compared > 0)
            sheet.Set(MetricNames.ExecutionAccuracy, matched);
        return sheet.Build(example, answer, sql);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _schema.DisposeAsync();
}
