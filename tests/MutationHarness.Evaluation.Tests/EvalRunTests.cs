using System.Text.Json;
using System.Xml.Linq;
using MutationHarness.Core.Strategies;

namespace MutationHarness.Evaluation.Tests;

/// <summary>Whole evaluations: a test set, answers from an endpoint or a file, a scorecard, a baseline, JUnit.</summary>
public sealed class EvalRunTests(ServerFixture servers)
{
    private static readonly string[] Passing = [Scenario.Correct, Scenario.Wrapped, Scenario.RateLimited];

    [Fact]
    public async Task An_endpoint_run_grades_every_behaviour_and_a_cached_rerun_sends_nothing_new()
    {
        // Given the chat test set, the scripted endpoint and a response cache
        var grader = servers.Mutation;
        using var folder = new TempFolder();
        var test = Scenario.WriteTestSet(folder.Path);
        var examples = await TestSetReader.ReadAsync(test, EvalMode.Mutation, StrategyCatalog.Default, TestContext.Current.CancellationToken);
        await using var server = new ScriptedChatServer(Scenario.Reply);
        var options = Scenario.Options(server.Endpoint, folder.File("cache.jsonl"));

        // When it is evaluated twice
        Scorecard first;
        await using (var source = await ChatEndpointSource.OpenAsync(options, TestContext.Current.CancellationToken))
            first = await EvalRun.RunAsync("test.jsonl", examples, source, grader, 4, null, TestContext.Current.CancellationToken);
        var requestsAfterFirst = server.Requests;
        await using var again = await ChatEndpointSource.OpenAsync(options, TestContext.Current.CancellationToken);
        var second = await EvalRun.RunAsync("test.jsonl", examples, again, grader, 4, null, TestContext.Current.CancellationToken);

        // Then exactly the correct, wrapped and rate-limited answers pass
        Assert.Equal(Scenario.Seeds.Count, first.Examples.Count);
        var passed = first.Examples.Where(e => e.Passed).Select(e => examples.Single(x => x.Id == e.Id).Original);
        Assert.Equal(Passing, passed);
        Assert.Equal(Passing.Length, first.Passed);
        // … 8 prompts + one retry of the 429; the re-run asks only the timed-out prompt again
        Assert.Equal(Scenario.Seeds.Count + 1, requestsAfterFirst);
        Assert.Equal(1, again.RequestsSent);
        Assert.Equal(first.Examples.Select(e => e.Passed), second.Examples.Select(e => e.Passed));
    }

    [Fact]
    public async Task A_file_of_outputs_is_graded_by_id_or_line_and_a_missing_answer_fails()
    {
        // Given a test set and an outputs file answering by line, by id, and one example not at all
        var grader = servers.Mutation;
        using var folder = new TempFolder();
        var test = Scenario.WriteTestSet(folder.Path);
        var outputs = folder.File("outputs.jsonl");
        await File.WriteAllLinesAsync(outputs, [
            JsonSerializer.Serialize(new { line = 1, output = Scenario.Reference }),
            JsonSerializer.Serialize(new { id = "test.jsonl:2", output = Scenario.Echo }),
            JsonSerializer.Serialize(new { line = 4, output = "```sql\nSELECT pk FROM table_7_utf8_undef WHERE col_nope < 1;\n```" }),
        ], TestContext.Current.CancellationToken);
        var examples = (await TestSetReader.ReadAsync(test, EvalMode.Mutation, StrategyCatalog.Default, TestContext.Current.CancellationToken)).Take(4).ToList();

        // When evaluated
        var answers = await OutputsFile.LoadAsync(outputs, TestContext.Current.CancellationToken);
        var card = await EvalRun.RunAsync("test.jsonl", examples, answers, grader, 2, null, TestContext.Current.CancellationToken);

        // Then line 1 passes, the echo and the invented column fail, and line 3 has no answer
        Assert.Equal([true, false, false, false], card.Examples.Select(e => e.Passed));
        Assert.Contains(card.Examples[2].Details, d => d.Contains("no output", StringComparison.Ordinal));
        Assert.Equal("col_nope", Assert.Single(card.Examples[3].Hallucinations).Name);
        Assert.Equal(new MetricRate(MetricNames.NonTrivial, 1, 4), card.Rate(MetricNames.NonTrivial));
    }

    [Fact]
    public async Task A_worse_run_against_a_baseline_regresses_and_its_junit_file_shows_each_failure()
    {
        // Given a baseline from good outputs and a later run whose first answer became an echo
        var grader = servers.Mutation;
        using var folder = new TempFolder();
        var test = Scenario.WriteTestSet(folder.Path);
        var examples = (await TestSetReader.ReadAsync(test, EvalMode.Mutation, StrategyCatalog.Default, TestContext.Current.CancellationToken)).Take(3).ToList();
        async Task<Scorecard> RunAsync(params string[] answers)
        {
            var path = folder.File($"outputs-{Guid.NewGuid():N}.jsonl");
            await File.WriteAllLinesAsync(path, answers.Select((a, i) => JsonSerializer.Serialize(new { line = i + 1, output = a })), TestContext.Current.CancellationToken);
            return await EvalRun.RunAsync("test.jsonl", examples, await OutputsFile.LoadAsync(path, TestContext.Current.CancellationToken), grader, 2, null, TestContext.Current.CancellationToken);
        }
        var baselinePath = folder.File("baseline.json");
        await File.WriteAllTextAsync(baselinePath, ScorecardJson.Serialize(await RunAsync(Scenario.Reference, Scenario.Reference, Scenario.Reference)), TestContext.Current.CancellationToken);

        // When the later run is compared with the baseline read back from its file
        var now = await RunAsync(Scenario.Correct, Scenario.Reference, Scenario.Reference);
        var comparison = BaselineComparison.Compare(await ScorecardJson.ReadAsync(baselinePath, TestContext.Current.CancellationToken), now, 0.01);
        using var junit = new MemoryStream();
        await JUnitReport.WriteAsync(now, junit, TestContext.Current.CancellationToken);

        // Then the gate fails naming the example, and the JUnit file fails exactly that test case
        Assert.True(comparison.HasRegression);
        Assert.Contains(comparison.Regressions, r => r.Id == "test.jsonl:1" && r.Metric == MetricNames.NonTrivial);
        var cases = XDocument.Parse(System.Text.Encoding.UTF8.GetString(junit.ToArray())).Descendants("testcase").ToList();
        Assert.Equal(3, cases.Count);
        Assert.Equal(["test.jsonl:1"], cases.Where(c => c.Element("failure") is not null).Select(c => (string?)c.Attribute("name")));
    }
}
