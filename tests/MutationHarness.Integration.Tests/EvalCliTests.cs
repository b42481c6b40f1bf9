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
    public async Task A_cleaned_corpus_grades_its_own_references_fully_and_the_gate_fails_on_a_regression_or_another_test_set()
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

        // Then every example executes and holds its relation, and a measurement exits 0
        Assert.True(exit == 0, error + output);
        var card = JsonDocument.Parse(File.ReadAllText(baseline)).RootElement;
        var examples = card.GetProperty("examples").EnumerateArray().ToList();
        Assert.NotEmpty(examples);
        Assert.All(examples, e =>
        {
            Assert.True(e.GetProperty("metrics").GetProperty("executes").GetBoolean(), e.ToString());
            Assert.True(e.GetProperty("metrics").GetProperty("relation").GetBoolean(), e.ToString());
        });

        // When a later model echoes the first seed back
        var regressed = Answers(validation, folder, "regressed.jsonl", echoFirst: true);
        (exit, output, _) = await CliTests.RunAsync("", "eval", "--test", validation, "--outputs", regressed, "--baseline", baseline);

        // Then the gate fails with exit 1 and names the regressed metric
        Assert.Equal(1, exit);
        Assert.Contains("REGRESSED", output, StringComparison.Ordinal);

        // When the baseline is compared with a run, without a regression, over another file
        var trainAnswers = Answers(train, folder, "train-answers.jsonl");
        (exit, output, _) = await CliTests.RunAsync("", "eval", "--test", train, "--outputs", trainAnswers, "--baseline", baseline);

        // Then the gate fails too, saying the test set is not the baseline's
        Assert.Equal(1, exit);
        Assert.Contains("renamed, re-split or edited", output, StringComparison.Ordinal);
    }
}
