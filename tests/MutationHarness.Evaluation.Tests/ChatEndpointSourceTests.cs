using System.Diagnostics;

namespace MutationHarness.Evaluation.Tests;

public sealed class ChatEndpointSourceTests
{
    private static TestExample Example(string seed) => Scenario.Example(seed);

    [Fact]
    public async Task The_real_SDK_sends_the_prompt_at_temperature_zero_and_returns_the_answer()
    {
        // Given a scripted endpoint
        await using var server = new ScriptedChatServer(Scenario.Reply);
        await using var source = await ChatEndpointSource.OpenAsync(Scenario.Options(server.Endpoint), TestContext.Current.CancellationToken);

        // When one example is asked
        var answer = await source.AnswerAsync(Example(Scenario.Correct), TestContext.Current.CancellationToken);

        // Then the answer is the model's, one request went out, with the system and user messages at temperature 0
        Assert.Equal(Scenario.Reference, answer.Text);
        Assert.Equal(1, server.Requests);
        var body = Assert.Single(server.Bodies);
        Assert.Equal(0, (double)body["temperature"]!);
        Assert.Equal("scripted-model", (string?)body["model"]);
        Assert.Equal(["system", "user"], body["messages"]!.AsArray().Select(m => (string?)m!["role"]));
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_and_then_succeeds()
    {
        // Given an endpoint that rate-limits the first request
        await using var server = new ScriptedChatServer(Scenario.Reply);
        await using var source = await ChatEndpointSource.OpenAsync(Scenario.Options(server.Endpoint), TestContext.Current.CancellationToken);

        // When the example is asked
        var answer = await source.AnswerAsync(Example(Scenario.RateLimited), TestContext.Current.CancellationToken);

        // Then the second attempt's answer is returned
        Assert.Equal(Scenario.Reference, answer.Text);
        Assert.Equal(2, answer.Attempts);
        Assert.Equal(2, server.RequestsFor(Scenario.RateLimited));
    }

    [Fact]
    public async Task Persistent_server_errors_fail_the_example_after_the_retries()
    {
        // Given an endpoint that answers 500 to everything
        await using var server = new ScriptedChatServer((_, _) => new ScriptedReply(500, null));
        await using var source = await ChatEndpointSource.OpenAsync(Scenario.Options(server.Endpoint), TestContext.Current.CancellationToken);

        // When an example is asked
        var answer = await source.AnswerAsync(Example(Scenario.Correct), TestContext.Current.CancellationToken);

        // Then it is a recorded failure after 1 + 2 retries
        Assert.Null(answer.Text);
        Assert.Contains("HTTP 500", answer.Failure);
        Assert.Equal(3, server.Requests);
    }

    [Fact]
    public async Task A_request_past_its_deadline_is_a_recorded_failure_not_a_crash()
    {
        // Given an endpoint slower than the client's 3 s timeout
        await using var server = new ScriptedChatServer(Scenario.Reply);
        await using var source = await ChatEndpointSource.OpenAsync(Scenario.Options(server.Endpoint), TestContext.Current.CancellationToken);
        var clock = Stopwatch.StartNew();

        // When the slow example is asked
        var answer = await source.AnswerAsync(Example(Scenario.Slow), TestContext.Current.CancellationToken);

        // Then it fails as a timeout, promptly, without a retry
        Assert.Null(answer.Text);
        Assert.Contains("timed out", answer.Failure);
        Assert.True(clock.Elapsed < Scenario.SlowDelay / 2, $"took {clock.Elapsed}");
        Assert.Equal(1, server.RequestsFor(Scenario.Slow));
    }

    [Fact]
    public async Task A_rerun_with_the_cache_sends_no_request_for_a_cached_prompt()
    {
        // Given a first run that filled the cache
        using var folder = new TempFolder();
        var cache = folder.File("cache.jsonl");
        await using var server = new ScriptedChatServer(Scenario.Reply);
        var examples = new[] { Scenario.Correct, Scenario.Wrapped, Scenario.RateLimited }.Select(Example).ToList();
        await using (var first = await ChatEndpointSource.OpenAsync(Scenario.Options(server.Endpoint, cache), TestContext.Current.CancellationToken))
        {
            foreach (var example in examples)
                Assert.NotNull((await first.AnswerAsync(example, TestContext.Current.CancellationToken)).Text);
        }
        var before = server.Requests;

        // When the same prompts are asked again through a new client on the same cache
        await using var second = await ChatEndpointSource.OpenAsync(Scenario.Options(server.Endpoint, cache), TestContext.Current.CancellationToken);
        var answers = new List<ModelAnswer>();
        foreach (var example in examples)
            answers.Add(await second.AnswerAsync(example, TestContext.Current.CancellationToken));

        // Then every answer comes from the cache and the server sees nothing new
        Assert.Equal(4, before);
        Assert.Equal(before, server.Requests);
        Assert.All(answers, a => Assert.True(a.FromCache));
        Assert.Equal(0, second.RequestsSent);
    }

    [Fact]
    public async Task A_failed_request_is_not_cached_and_is_asked_again()
    {
        // Given a first run whose only request timed out
        using var folder = new TempFolder();
        var cache = folder.File("cache.jsonl");
        await using var server = new ScriptedChatServer(Scenario.Reply);
        await using (var first = await ChatEndpointSource.OpenAsync(Scenario.Options(server.Endpoint, cache), TestContext.Current.CancellationToken))
            Assert.Null((await first.AnswerAsync(Example(Scenario.Slow), TestContext.Current.CancellationToken)).Text);

        // When it is asked again
        await using var second = await ChatEndpointSource.OpenAsync(Scenario.Options(server.Endpoint, cache), TestContext.Current.CancellationToken);
        await second.AnswerAsync(Example(Scenario.Slow), TestContext.Current.CancellationToken);

        // Then a request went out again
        Assert.Equal(1, second.RequestsSent);
    }
}
