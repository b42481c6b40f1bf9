using MutationHarness.Core.Strategies;

namespace MutationHarness.Evaluation.Tests;

public sealed class TestSetReaderTests
{
    [Fact]
    public async Task A_chat_test_set_as_clean_writes_it_gives_strategy_dbms_prompt_and_reference()
    {
        // Given a chat test set
        using var folder = new TempFolder();
        var path = Scenario.WriteTestSet(folder.Path);

        // When it is read
        var examples = await TestSetReader.ReadAsync(path, EvalMode.Mutation, StrategyCatalog.Default, TestContext.Current.CancellationToken);

        // Then each line is an example with its strategy recognised from the system text
        Assert.Equal(Scenario.Seeds.Count, examples.Count);
        var first = examples[0];
        Assert.Equal(("test.jsonl:1", 1, Scenario.Strategy, "mariadb"), (first.Id, first.Line, first.Strategy, first.Dbms));
        Assert.Equal(["system", "user"], first.Prompt.Select(m => m.Role));
        Assert.Equal((Scenario.Correct, Scenario.Reference), (first.Original, first.Reference));
        Assert.All(examples, e => Assert.Null(e.Problem));
    }

    [Fact]
    public void A_pair_record_is_prompted_the_way_clean_writes_chat_examples()
    {
        // Given a plain pair record / When read
        var example = TestSetReader.Parse("""{"id":"p1","strategy":"FixMWhere1U","original":"SELECT 1 FROM t WHERE a","mutated":"SELECT 1 FROM t WHERE 1","dbms":"tidb"}""",
            "pairs.jsonl", 4, EvalMode.Mutation, StrategyCatalog.Default);

        // Then the system prompt names the dbms and carries the strategy's instruction
        Assert.Equal("p1", example.Id);
        Assert.StartsWith("You are an expert in TiDB statement mutation. Mutate the seed sql", example.Prompt[0].Content);
        Assert.Equal("SELECT 1 FROM t WHERE 1", example.Reference);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"messages":[{"role":"system","content":"hello"},{"role":"user","content":"SELECT 1"}]}""")]
    [InlineData("""{"strategy":"NoSuchStrategy","original":"SELECT 1","mutated":"SELECT 2"}""")]
    public void A_bad_line_becomes_an_example_with_a_problem_not_a_gap(string line)
    {
        // Given a line that is not a usable example / When read / Then it is kept, with what is wrong
        var example = TestSetReader.Parse(line, "test.jsonl", 2, EvalMode.Mutation, StrategyCatalog.Default);
        Assert.NotNull(example.Problem);
        Assert.Equal(2, example.Line);
    }

    [Fact]
    public void A_sql_mode_record_has_a_question_and_an_optional_reference()
    {
        // Given a question record / When read in SQL mode
        var example = TestSetReader.Parse("""{"id":"q1","question":"How many orders?","reference":"SELECT COUNT(*) FROM orders"}""",
            "q.jsonl", 1, EvalMode.Sql, StrategyCatalog.Default);

        // Then the question is the user message and the reference is kept
        Assert.Equal(("q1", "How many orders?", "SELECT COUNT(*) FROM orders"), (example.Id, example.Prompt.Single().Content, example.Reference));
    }
}
