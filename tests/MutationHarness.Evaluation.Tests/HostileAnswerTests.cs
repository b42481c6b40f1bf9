namespace MutationHarness.Evaluation.Tests;

/// <summary>Issue 9 through <c>eval</c>: one model answer (or one test-set seed) hiding a statement in an executable
/// comment once zeroed the other answers' grades; it must be refused and change nothing else.</summary>
public sealed class HostileAnswerTests(ServerFixture servers)
{
    private const string Poison = "SET SESSION sql_select_limit = 1";
    private const string Hidden = $"SELECT pk FROM {Scenario.Table} /*!50700 ' */ WHERE 1; {Poison}; SELECT pk -- ' */\nFROM {Scenario.Table} WHERE 1";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_hostile_answer_does_not_change_the_other_answers_grades()
    {
        // Given the correct answer passes, and one answer hides a session change in an executable comment
        var example = Scenario.Example(Scenario.Correct);

        // When the hostile answer is graded, then the correct answer again, more times than there are sessions
        var hostile = await servers.Mutation.GradeAsync(example, ModelAnswer.Of(Hidden), Token);
        var after = new List<ExampleResult>();
        for (var i = 0; i < 8; i++)
            after.Add(await servers.Mutation.GradeAsync(example, ModelAnswer.Of(Scenario.Reference), Token));

        // Then the hostile answer fails read-only, saying why, and every later grade is the full pass it was
        Assert.False(hostile.Metrics[MetricNames.ReadOnly]);
        Assert.Contains(hostile.Details, d => d.Contains("executable comment", StringComparison.Ordinal));
        Assert.All(after, r => Assert.True(r.Passed, string.Join(" | ", r.Details)));
    }

    [Fact]
    public async Task A_hostile_seed_in_the_test_set_is_never_run_even_beside_an_answer_that_runs()
    {
        // Given a test example whose seed hides the session change, answered by a mutant that does not conform
        // (such an answer is run directly, beside its seed)
        var example = Scenario.Example(Scenario.Correct) with { Original = Hidden };
        var answer = ModelAnswer.Of($"SELECT pk FROM {Scenario.Table} WHERE 0");

        // When it is graded, then a correct answer to a clean example
        var hostile = await servers.Mutation.GradeAsync(example, answer, Token);
        var after = new List<ExampleResult>();
        for (var i = 0; i < 8; i++)
            after.Add(await servers.Mutation.GradeAsync(Scenario.Example(Scenario.Correct), ModelAnswer.Of(Scenario.Reference), Token));

        // Then the seed was not run (and says so), and the later grades are untouched
        Assert.False(hostile.Passed);
        Assert.Contains(hostile.Details, d => d.Contains("the seed query itself did not run: it is not a single read-only SELECT", StringComparison.Ordinal));
        Assert.All(after, r => Assert.True(r.Passed, string.Join(" | ", r.Details)));
    }
}
