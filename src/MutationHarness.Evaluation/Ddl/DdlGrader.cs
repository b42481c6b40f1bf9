using MutationHarness.Sql;
using MutationHarness.Verification;

namespace MutationHarness.Evaluation;

/// <summary>Grades CREATE TABLE answers: each runs, guarded, in a scratch database of its own as a record's setup does
/// (an account and a database of its own, under the setup budget), and the table it made is compared through
/// information_schema with the real table the schema script built.</summary>
public sealed class DdlGrader : IExampleGrader
{
    private readonly SchemaTargets _schema;
    private readonly IReadOnlyList<IReadOnlyDictionary<string, TableFacts>> _realTables;
    private readonly VerifyOptions _options;

    private DdlGrader(SchemaTargets schema, IReadOnlyList<IReadOnlyDictionary<string, TableFacts>> realTables, VerifyOptions options)
    {
        (_schema, _realTables, _options) = (schema, realTables, options);
    }

    /// <inheritdoc />
    public EvalMode Mode => EvalMode.Ddl;

    /// <inheritdoc />
    public IReadOnlyList<string> TargetDescriptions => _schema.Descriptions;

    /// <summary>Opens every target, loads the schema scripts and reads the real tables on each.</summary>
    public static async Task<DdlGrader> StartAsync(VerifyOptions options, IReadOnlyList<string> schemaFiles, ITargetOpener opener,
        CancellationToken cancellationToken)
    {
        var schema = await SchemaTargets.StartAsync(options, schemaFiles, "DDL", opener, cancellationToken);
        try
        {
            var real = new List<IReadOnlyDictionary<string, TableFacts>>();
            foreach (var (target, databases) in schema.Open)
            {
                var tables = new Dictionary<string, TableFacts>(StringComparer.Ordinal);
                foreach (var database in databases)
                {
                    foreach (var (name, facts) in await SchemaReader.ReadTablesAsync(target, database, options.StatementTimeout, cancellationToken))
                        tables.TryAdd(name, facts);
                }
                real.Add(tables);
            }
            return new DdlGrader(schema, real, options);
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
        var sheet = new MetricSheet(Mode);
        if (example.Problem is { } problem)
            return Failed(sheet, example, answer, null, $"the test example could not be read: {problem}");
        if (answer.Text is not { } text)
            return Failed(sheet, example, answer, null, $"no answer: {answer.Failure ?? "the model gave none"}");
        var ddl = DdlExtractor.Extract(text);
        var guard = CreateTableGuard.Check(ddl);
        sheet.Set(MetricNames.CreateTable, guard.IsAllowed, guard.Reason);
        if (!guard.IsAllowed)
            return Failed(sheet, example, answer, ddl, "the answer was not run: it is not one self-contained CREATE TABLE");
        if (!_realTables[0].ContainsKey(example.Table!))
            return Failed(sheet, example, answer, ddl, $"the schema has no table '{example.Table}': the test example names another");

        TableComparison? reported = null;
        for (var t = 0; t < _schema.Open.Count; t++)
        {
            var target = _schema.Open[t].Target;
            var made = await RecordSetupDatabase.RunAsync<(IReadOnlyDictionary<string, TableFacts>? Tables, string? Error)>(
                target, example.Id, [ddl], _options,
                async database => (await SchemaReader.ReadTablesAsync(target, database, _options.StatementTimeout, cancellationToken), null),
                (_, reason) => (null, reason), cancellationToken);
            if (made.Tables is not { Count: 1 } tables)
            {
                sheet.Set(MetricNames.Executes, false, $"{made.Error ?? "it made no table"} ({target.Name})");
                return Failed(sheet, example, answer, ddl, "no table to compare");
            }
            var comparison = TableComparison.Compare(_realTables[t][example.Table!], tables.Values.Single());
            reported ??= comparison;
            if (!comparison.Exact && reported.Exact)
                reported = comparison;
        }
        sheet.Set(MetricNames.Executes, true);
        Grade(sheet, reported!);
        return sheet.Build(example, answer, ddl) with { Ddl = reported };
    }

    private static void Grade(MetricSheet sheet, TableComparison table)
    {
        sheet.Set(MetricNames.TableName, table.Answered == table.Expected, $"the answer creates '{table.Answered}', not '{table.Expected}'");
        sheet.Set(MetricNames.NoInventedColumns, table.Invented.Count == 0, $"columns '{table.Expected}' does not have: {string.Join(", ", table.Invented)}");
        sheet.Set(MetricNames.NoMissingColumns, table.Missing.Count == 0, $"columns of '{table.Expected}' the answer lacks: {string.Join(", ", table.Missing)}");
        foreach (var (metric, aspect) in new[] { (MetricNames.ColumnTypes, ColumnAspect.Type), (MetricNames.Nullability, ColumnAspect.Nullability),
                     (MetricNames.Keys, ColumnAspect.Key), (MetricNames.Comments, ColumnAspect.Comment) })
        {
            var differences = table.Differences.Where(d => d.Aspect == aspect).ToList();
            sheet.Set(metric, differences.Count == 0, string.Join("; ", differences));
        }
        foreach (var invented in table.Invented)
            sheet.Invented(new HallucinatedIdentifier("column", invented, 0));
    }

    private static ExampleResult Failed(MetricSheet sheet, TestExample example, ModelAnswer answer, string? ddl, string detail)
    {
        sheet.FailRemaining(detail, hasReference: false);
        return sheet.Build(example, answer, ddl);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _schema.DisposeAsync();
}
