using System.Text.Json;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests;

/// <summary><c>clean</c> then <c>eval</c> from the command line, as the README runs them: the regression gate's exit codes.</summary>
public sealed class EvalCliTests
{
    /// <summary>Answers every line with its reference; with <paramref name="echoFirst"/>, line 1 echoes its seed instead.</summary>
    private static string Answers(string chatFile, string folder, string name, bool echoFirst = false)
    {
        var path = Path.Combine(folder, name);
        var lines = File.ReadAllLines(chatFile).Select((line, i) =>
        {
            var messages = JsonDocument.Parse(line).RootElement.GetProperty("messages");
            var user = messages.EnumerateArray().Single(m => m.GetProperty("role").GetString() == "user").GetProperty("content").GetString()!;
            var reference = messages.EnumerateArray().Last().GetProperty("content").GetString()!;
            return JsonSerializer.Serialize(new { line = i + 1, output = echoFirst && i == 0 ? user : reference });
        });
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public async Task A_cleaned_corpus_passes_its_own_references_fully_and_the_gate_fails_on_a_regression_or_another_test_set()
    {
        ServerAvailability.RequireMariaDb();
        var folder = Directory.CreateTempSubdirectory("eval-cli").FullName;
        var dataset = Path.Combine(folder, "dataset");
        var (exit, _, error) = await CliTests.RunAsync("", "clean", SharedPaths.Corpus, "--out-dir", dataset, "--validation-fraction", "0.3");
        Assert.True(exit == 0, error);
        var validation = Path.Combine(dataset, "validation.jsonl");
        var train = Path.Combine(dataset, "train.jsonl");

        // When the references themselves are graded (these pairs come from bug reports and need their own tables,
        // which the manifest beside the chat file carries)
        var references = Answers(validation, folder, "references.jsonl");
        var baseline = Path.Combine(folder, "baseline.json");
        (exit, var output, error) = await CliTests.RunAsync("", "eval", "--test", validation, "--outputs", references, "--out", baseline);

        // Then every example passes every gating metric, as verify verified it, and a measurement exits 0
        Assert.True(exit == 0, error + output);
        var examples = Examples(baseline);
        Assert.NotEmpty(examples);
        Assert.All(examples, e => Assert.True(e.GetProperty("passed").GetBoolean(), e.ToString()));

        // When a copy of the file under another name, in another order, is graded against that baseline
        var copy = Path.Combine(dataset, "held-out-copy.jsonl");
        File.WriteAllLines(copy, File.ReadAllLines(validation).Reverse());
        (exit, output, error) = await CliTests.RunAsync("", "eval", "--test", copy, "--outputs", Answers(copy, folder, "copy-answers.jsonl"), "--baseline", baseline);

        // Then it is matched by content (setups included) and the gate passes
        Assert.True(exit == 0, error + output);
        Assert.Contains($"{examples.Count} examples matched by content (0 added, 0 removed, 0 changed)", output, StringComparison.Ordinal);

        // When a later model echoes the first seed back
        var regressed = Answers(validation, folder, "regressed.jsonl", echoFirst: true);
        (exit, output, _) = await CliTests.RunAsync("", "eval", "--test", validation, "--outputs", regressed, "--baseline", baseline);

        // Then the gate fails with exit 1 and names the regressed metric
        Assert.Equal(1, exit);
        Assert.Contains("REGRESSED", output, StringComparison.Ordinal);

        // When the baseline is compared with a run, without a regression, over another file
        var trainAnswers = Answers(train, folder, "train-answers.jsonl");
        (exit, output, _) = await CliTests.RunAsync("", "eval", "--test", train, "--outputs", trainAnswers, "--baseline", baseline);

        // Then the gate fails too, saying the test set is another one
        Assert.Equal(1, exit);
        Assert.Contains("it is another test set", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_cannot_be_reached_fails_the_run_with_exit_3()
    {
        ServerAvailability.RequireMariaDb();
        // When the answers of six examples are to come from a port nothing listens on
        var (exit, output, error) = await EvalAgainstAsync($"http://127.0.0.1:{ClosedPort()}/v1", examples: 6, retries: 1);

        // Then no answer is graded as a pass, and the run fails as unreachable, saying what to check
        Assert.True(exit == 3, $"exit {exit}: {error}{output}");
        Assert.Contains("could not be reached", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_answers_errors_fails_the_run_with_exit_1()
    {
        ServerAvailability.RequireMariaDb();
        using var server = FailingServer.Start();

        // When the endpoint is up but answers every request with a server error
        var (exit, output, error) = await EvalAgainstAsync(server.Endpoint, examples: 1, retries: 0);

        // Then the answer was never produced, and the run fails rather than measuring nothing
        Assert.True(exit == 1, $"exit {exit}: {error}{output}");
        Assert.Contains("got no answer from the endpoint", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readmes_ddl_example_on_seed_000_names_the_invented_columns_and_passes_the_tables_own_ddl()
    {
        ServerAvailability.RequireMariaDb();
        var ddl = Path.Combine(RepositoryRoot.Path, "fixtures", "eval", "ddl");
        var card = Path.Combine(Directory.CreateTempSubdirectory("eval-ddl").FullName, "ddl.json");

        // When the README's command runs on the fixture inside the repository
        var (exit, output, error) = await CliTests.RunAsync("", "eval", "--mode", "ddl", "--test", Path.Combine(ddl, "questions.jsonl"),
            "--schema", Path.Combine(ddl, "schema.sql"), "--outputs", Path.Combine(ddl, "answers.jsonl"), "--out", card);

        // Then it is a measurement (exit 0) with the figures the README shows, the model's inventions named
        Assert.True(exit == 0, error + output);
        Assert.Contains("columns: precision 43.5% (10 of 23 answered are real), recall 100.0% (10 of 10 real answered); exact tables 1 of 2 (50.0%)", output, StringComparison.Ordinal);
        var model = Examples(card).Single(e => e.GetProperty("id").GetString() == "sc_org-model");
        Assert.Equal(["abbr", "orderindex", "class_code"], model.GetProperty("ddl").GetProperty("invented").EnumerateArray().Take(3).Select(c => c.GetString()));
    }

    /// <summary>Runs eval on a test set of pair records whose answers are to come from an endpoint.</summary>
    private static Task<(int Exit, string Out, string Err)> EvalAgainstAsync(string endpoint, int examples, int retries)
    {
        var test = Path.Combine(Directory.CreateTempSubdirectory("eval-endpoint").FullName, "test.jsonl");
        File.WriteAllLines(test, Enumerable.Range(1, examples).Select(i =>
            $$"""{"strategy":"FixMWhere1U","original":"SELECT pk FROM table_3_utf8_undef WHERE pk > {{i}}","mutated":"SELECT pk FROM table_3_utf8_undef WHERE 1"}"""));
        return CliTests.RunAsync("", "eval", "--test", test, "--endpoint", endpoint, "--model", "m",
            "--retries", retries.ToString(System.Globalization.CultureInfo.InvariantCulture), "--databases", "1");
    }

    private static List<JsonElement> Examples(string scorecard) =>
        JsonDocument.Parse(File.ReadAllText(scorecard)).RootElement.GetProperty("examples").EnumerateArray().ToList();

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An HTTP server on a free loopback port that answers every request with 500.</summary>
    private sealed class FailingServer : IDisposable
    {
        private readonly System.Net.HttpListener _listener = new();

        private FailingServer(int port)
        {
            Endpoint = $"http://127.0.0.1:{port}/v1";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    try
                    {
                        var context = await _listener.GetContextAsync();
                        context.Response.StatusCode = 500;
                        context.Response.Close();
                    }
                    catch (Exception e) when (e is System.Net.HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }
                }
            });
        }

        public string Endpoint { get; }

        public static FailingServer Start() => new(ClosedPort());

        public void Dispose() => _listener.Close();
    }
}
