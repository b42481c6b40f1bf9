using MutationHarness.Core.Strategies;

namespace MutationHarness.Evaluation.Tests;

/// <summary>Plain SQL mode: answers to questions about a schema fixture, graded for executability, inventions and execution accuracy.</summary>
public sealed class SqlModeTests(ServerFixture servers)
{
    private static TestExample Question(string? reference) =>
        TestSetReader.Parse(reference is null
                ? """{"id":"q","question":"Which customers live in Oslo?"}"""
                : $$"""{"id":"q","question":"Which customers live in Oslo?","reference":"{{reference}}"}""",
            "questions.jsonl", 1, EvalMode.Sql, StrategyCatalog.Default);

    private Task<ExampleResult> GradeAsync(string? reference, string answer) =>
        servers.Sql.GradeAsync(Question(reference), ModelAnswer.Of(answer), TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_same_rows_in_another_order_are_accurate_when_the_reference_has_no_order_by()
    {
        // Given a reference without ORDER BY and an answer written differently / When graded
        var result = await GradeAsync("SELECT name FROM customers WHERE city = 'Oslo'",
            "```sql\nSELECT c.name FROM customers AS c WHERE c.city = 'Oslo' ORDER BY c.name DESC;\n```");

        // Then the multisets match
        Assert.True(result.Passed, string.Join(" | ", result.Details));
        Assert.True(result.Metrics[MetricNames.ExecutionAccuracy]);
        Assert.False(result.Metrics[MetricNames.Exact]);
    }

    [Fact]
    public async Task Order_counts_when_the_reference_orders_its_result()
    {
        // Given a reference ordered by name and an answer ordered the other way / When graded
        var result = await GradeAsync("SELECT name FROM customers WHERE city = 'Oslo' ORDER BY name",
            "SELECT name FROM customers WHERE city = 'Oslo' ORDER BY name DESC");

        // Then it is not accurate, and the detail says the order was compared
        Assert.False(result.Metrics[MetricNames.ExecutionAccuracy]);
        Assert.Contains(result.Details, d => d.Contains("compared in order", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_different_multiset_is_not_accurate()
    {
        // Given an answer that loses a duplicate (DISTINCT) against a reference that keeps it / When graded
        var result = await GradeAsync("SELECT amount FROM orders", "SELECT DISTINCT amount FROM orders");

        // Then it executes but is not accurate
        Assert.True(result.Metrics[MetricNames.Executes]);
        Assert.False(result.Metrics[MetricNames.ExecutionAccuracy]);
    }

    [Fact]
    public async Task Invented_tables_and_functions_are_named()
    {
        // Given answers that name a table and a function the schema lacks / When graded
        var table = await GradeAsync(null, "SELECT name FROM clients WHERE city = 'Oslo'");
        var function = await GradeAsync(null, "SELECT made_up_fn(name) FROM customers");

        // Then each is a hallucination with its name, and with no reference there is no accuracy metric
        Assert.Equal(("table", "clients"), (Assert.Single(table.Hallucinations).Kind, table.Hallucinations[0].Name));
        Assert.Equal(("function", "made_up_fn"), (Assert.Single(function.Hallucinations).Kind, function.Hallucinations[0].Name));
        Assert.False(table.Metrics.ContainsKey(MetricNames.ExecutionAccuracy));
        Assert.False(table.Metrics[MetricNames.Executes]);
    }

    [Fact]
    public async Task A_statement_that_writes_is_never_run()
    {
        // Given an answer that deletes rows / When graded
        var result = await GradeAsync("SELECT id FROM orders", "DELETE FROM orders");

        // Then it fails read-only, and the data is untouched for the next question
        Assert.False(result.Metrics[MetricNames.ReadOnly]);
        Assert.False(result.Metrics[MetricNames.ExecutionAccuracy]);
        var after = await GradeAsync("SELECT id FROM orders", "SELECT id FROM orders");
        Assert.True(after.Passed, string.Join(" | ", after.Details));
    }
}

/// <summary>Every invented name of a SQL answer is named, with its position, not only the one the server stops at.</summary>
public sealed class StaticNameTests(ServerFixture servers)
{
    [Fact]
    public async Task The_three_inventions_of_seed_000_are_all_named_with_their_positions()
    {
        // Given seed 000's model answering about sc_org with two invented columns and an invented table
        var example = TestSetReader.Parse("""{"id":"org","question":"组织结构表及其类别"}""", "q.jsonl", 1, EvalMode.Sql, StrategyCatalog.Default);
        const string answer = "SELECT abbr, class_code FROM sc_org JOIN sc_orgtype ON sc_org.class_code = sc_orgtype.code";

        // When graded against the real schema
        var result = await servers.OrgSql.GradeAsync(example, ModelAnswer.Of(answer), TestContext.Current.CancellationToken);

        // Then all three are named where they stand, and the server's own first error is kept in the details
        Assert.False(result.Metrics[MetricNames.NoHallucination]);
        Assert.Equal(["column 'abbr' at 1:8", "column 'class_code' at 1:14", "table 'sc_orgtype' at 1:42", "column 'sc_org.class_code' at 1:56"],
            result.Hallucinations.Select(h => h.ToString()));
        Assert.Contains(result.Details, d => d.StartsWith("executes: error 1146", StringComparison.Ordinal) || d.StartsWith("executes: error 1054", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_answer_that_runs_is_not_second_guessed()
    {
        var example = TestSetReader.Parse("""{"id":"org","question":"组织结构表"}""", "q.jsonl", 1, EvalMode.Sql, StrategyCatalog.Default);

        var result = await servers.OrgSql.GradeAsync(example, ModelAnswer.Of("SELECT o.name, p.`no` FROM sc_org o LEFT JOIN sc_org p ON p.innerid = o.parent_id WHERE LENGTH(o.name) > 0"), TestContext.Current.CancellationToken);

        Assert.True(result.Passed, string.Join(" | ", result.Details));
        Assert.Empty(result.Hallucinations);
    }
}
