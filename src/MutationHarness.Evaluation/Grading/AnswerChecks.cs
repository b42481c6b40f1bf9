namespace MutationHarness.Evaluation;

/// <summary>The checks both modes start with: an answer exists, its SQL, exact match, parses, read-only.</summary>
internal static class AnswerChecks
{
    /// <summary>The sheet so far and the SQL to run, or a null SQL when nothing may run.</summary>
    public static (MetricSheet Sheet, string? Sql, string? Extracted) Begin(EvalMode mode, TestExample example, ModelAnswer answer,
        IReadOnlyList<string>? informational = null)
    {
        var sheet = new MetricSheet(mode, informational);
        var hasReference = !string.IsNullOrWhiteSpace(example.Reference);
        if (example.Problem is { } problem)
        {
            sheet.FailRemaining($"the test example could not be read: {problem}", hasReference);
            return (sheet, null, null);
        }
        if (answer.Text is not { } text)
        {
            sheet.FailRemaining($"no answer: {answer.Failure ?? "the model gave none"}", hasReference);
            return (sheet, null, null);
        }

        var sql = SqlExtractor.Extract(text);
        if (sql.Length == 0)
        {
            sheet.FailRemaining("the answer holds no SQL", hasReference);
            return (sheet, null, sql);
        }
        if (hasReference)
        {
            var same = SqlFacts.Normalize(sql) == SqlFacts.Normalize(SqlExtractor.Extract(example.Reference!));
            sheet.Set(MetricNames.Exact, same, "differs from the reference");
        }
        var syntax = SqlFacts.ParseError(sql);
        sheet.Set(MetricNames.Parses, syntax is null, syntax);
        var guard = SqlFacts.GuardProblem(sql);
        sheet.Set(MetricNames.ReadOnly, guard is null, guard);
        if (guard is not null)
        {
            sheet.FailRemaining("the SQL was not run: it is not a single read-only SELECT", hasReference);
            return (sheet, null, sql);
        }
        return (sheet, sql, sql);
    }
}
