namespace MutationHarness.Evaluation.Tests;

/// <summary>Answers from a scripted endpoint, through the real SDK, graded on a real MariaDB.</summary>
public sealed class MutationGradingTests(ServerFixture servers)
{
    private static async Task<ExampleResult> GradeAsync(ServerFixture servers, string seed)
    {
        var grader = servers.Mutation;
        await using var server = new ScriptedChatServer(Scenario.Reply);
        await using var source = await ChatEndpointSource.OpenAsync(Scenario.Options(server.Endpoint), TestContext.Current.CancellationToken);
        var example = Scenario.Example(seed);
        var answer = await source.AnswerAsync(example, TestContext.Current.CancellationToken);
        return await grader.GradeAsync(example, answer, TestContext.Current.CancellationToken);
    }

    private static void AssertMetrics(ExampleResult result, params (string Metric, bool Passed)[] expected)
    {
        foreach (var (metric, passed) in expected)
            Assert.True(result.Metrics.TryGetValue(metric, out var actual) && actual == passed,
                $"{metric}: expected {(passed ? "pass" : "fail")}, got {(result.Metrics.TryGetValue(metric, out var a) ? a ? "pass" : "fail" : "absent")}; details: {string.Join(" | ", result.Details)}");
    }

    [Fact]
    public async Task A_correct_mutant_passes_every_metric()
    {
        // Given the model answers the reference mutant / When graded
        var result = await GradeAsync(servers, Scenario.Correct);

        // Then it passes everything, exact match included
        Assert.True(result.Passed, string.Join(" | ", result.Details));
        Assert.All(result.Metrics, m => Assert.True(m.Value, m.Key));
        Assert.Equal(MetricNames.Mutation, result.Metrics.Keys);
    }

    [Fact]
    public async Task An_echo_of_the_seed_fails_as_trivial_and_non_conforming()
    {
        // Given the model repeats the seed / When graded
        var result = await GradeAsync(servers, Scenario.Echo);

        // Then it runs and invents nothing, but is no mutation and changes no result
        AssertMetrics(result, (MetricNames.Parses, true), (MetricNames.Executes, true), (MetricNames.NoHallucination, true),
            (MetricNames.Conforms, false), (MetricNames.NonTrivial, false), (MetricNames.Relation, false), (MetricNames.Exact, false));
        Assert.Contains(result.Details, d => d.Contains("echo", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_mutant_in_the_wrong_direction_does_not_conform_and_says_so()
    {
        // Given WHERE 0 (a subset mutation) for FixMWhere1U / When graded
        var result = await GradeAsync(servers, Scenario.WrongDirection);

        // Then it runs, changes the result, but fails conformance with the direction named
        AssertMetrics(result, (MetricNames.Executes, true), (MetricNames.NonTrivial, true), (MetricNames.Conforms, false), (MetricNames.Relation, false));
        Assert.Contains(result.Details, d => d.StartsWith("conforms:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invented_column_is_caught_with_its_name()
    {
        // Given a mutant that names a column the tables lack / When graded
        var result = await GradeAsync(servers, Scenario.Hallucinated);

        // Then it does not execute, and the hallucination names the column and error 1054
        AssertMetrics(result, (MetricNames.Parses, true), (MetricNames.ReadOnly, true), (MetricNames.Executes, false), (MetricNames.NoHallucination, false));
        Assert.Equal(new HallucinatedIdentifier("column", "col_price_made_up", 1054), Assert.Single(result.Hallucinations));
        Assert.Contains(result.Details, d => d.Contains("column 'col_price_made_up'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_destructive_statement_is_never_run_and_fails_read_only()
    {
        // Given the model answers DROP TABLE / When graded
        var result = await GradeAsync(servers, Scenario.Destructive);

        // Then it fails read-only and everything after it, and the table is still there for the next example
        AssertMetrics(result, (MetricNames.ReadOnly, false), (MetricNames.Executes, false), (MetricNames.Conforms, false), (MetricNames.Relation, false));
        Assert.False(result.Metrics.ContainsKey(MetricNames.NoHallucination));
        var after = await GradeAsync(servers, Scenario.Correct);
        Assert.True(after.Passed, string.Join(" | ", after.Details));
    }

    [Fact]
    public async Task An_answer_wrapped_in_prose_and_a_code_fence_is_graded_on_its_sql()
    {
        // Given a chatty answer / When graded
        var result = await GradeAsync(servers, Scenario.Wrapped);

        // Then the SQL is taken out and passes, exact match included
        Assert.Equal(Scenario.Reference, result.Sql);
        Assert.True(result.Passed, string.Join(" | ", result.Details));
        AssertMetrics(result, (MetricNames.Exact, true));
    }

    [Fact]
    public async Task A_rate_limited_request_is_retried_and_graded()
    {
        // Given an endpoint that answers 429 first / When graded
        var result = await GradeAsync(servers, Scenario.RateLimited);

        // Then the retried answer passes
        Assert.True(result.Passed, string.Join(" | ", result.Details));
    }

    [Fact]
    public async Task A_timed_out_request_fails_the_example_with_the_reason()
    {
        // Given an endpoint slower than the client's deadline / When graded
        var result = await GradeAsync(servers, Scenario.Slow);

        // Then the example fails every gating metric, saying why, and nothing is judged as invented
        Assert.Null(result.Output);
        Assert.False(result.Passed);
        Assert.Contains(result.Details, d => d.Contains("timed out", StringComparison.Ordinal));
        Assert.False(result.Metrics.ContainsKey(MetricNames.NoHallucination));
    }
}

/// <summary>Why a non-conforming answer does not conform, as the scorecard counts it.</summary>
public sealed class NonConformanceKindTests(ServerFixture servers)
{
    private static TestExample Example(string strategy, string original) =>
        TestSetReader.Parse(System.Text.Json.JsonSerializer.Serialize(new { id = "k", strategy, original, mutated = original }),
            "t.jsonl", 1, EvalMode.Mutation, Core.Strategies.StrategyCatalog.Default);

    [Theory]
    [InlineData("FixMWhere1U", "SELECT pk FROM table_3_utf8_undef WHERE pk > 1", "SELECT pk FROM table_3_utf8_undef WHERE 0", NonConformance.WrongDirection)]
    [InlineData("FixMWhere1U", "SELECT pk FROM table_3_utf8_undef WHERE pk > 1", "SELECT pk FROM table_3_utf8_undef WHERE pk > 1", NonConformance.NothingChanged)]
    [InlineData("FixMCmpOpU", "SELECT pk FROM table_3_utf8_undef WHERE pk > 1 AND pk < 5", "SELECT pk FROM table_3_utf8_undef WHERE pk >= 1 AND pk <= 5", NonConformance.MoreThanOneChange)]
    [InlineData("FixMCmpOpU", "SELECT pk FROM table_3_utf8_undef WHERE NOT (pk > 1)", "SELECT pk FROM table_3_utf8_undef WHERE NOT (pk >= 1)", null)]
    [InlineData("FixMWhere1U", "SELECT pk FROM table_3_utf8_undef WHERE pk > 1", "SELECT pk FROM table_3_utf8_undef WHERE 1", null)]
    [InlineData("FixMWhere1U", "SELECT COUNT(*) FROM table_3_utf8_undef WHERE pk > 1", "SELECT COUNT(*) FROM table_3_utf8_undef WHERE 1", NonConformance.NoRelation)]
    [InlineData("FixMWhere1U", "SELECT pk FROM table_3_utf8_undef WHERE pk > 1 ORDER BY pk LIMIT 2", "SELECT pk FROM table_3_utf8_undef WHERE 1 ORDER BY pk LIMIT 2", NonConformance.NoRelation)]
    public async Task A_non_conforming_answer_is_counted_by_kind(string strategy, string seed, string answer, string? kind)
    {
        var result = await servers.Mutation.GradeAsync(Example(strategy, seed), ModelAnswer.Of(answer), TestContext.Current.CancellationToken);

        Assert.Equal(kind, result.NonConformance);
        Assert.Equal(kind is null, result.Metrics[MetricNames.Conforms]);
    }
}
