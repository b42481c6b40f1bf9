using System.Text.Json.Nodes;
using MutationHarness.TestSupport.FineTuning;

namespace MutationHarness.Integration.Tests;

/// <summary><c>harness finetune …</c> as a user runs it, against the loopback stand-in of the files and fine-tuning endpoints.</summary>
public sealed class FineTuneCliTests
{
    private static string Example(int i) =>
        $$"""{"messages":[{"role":"system","content":"You are an expert in MySQL statement mutation."},{"role":"user","content":"SELECT {{i}} FROM t"},{"role":"assistant","content":"SELECT {{i}} FROM t WHERE 1"}]}""";

    /// <summary>A dataset folder as clean leaves it: train.jsonl, validation.jsonl and a manifest.</summary>
    private static string Dataset(int train = 12)
    {
        var folder = Directory.CreateTempSubdirectory("ft-cli").FullName;
        File.WriteAllLines(Path.Combine(folder, "train.jsonl"), Enumerable.Range(0, train).Select(Example));
        File.WriteAllLines(Path.Combine(folder, "validation.jsonl"), Enumerable.Range(100, 2).Select(Example));
        File.WriteAllText(Path.Combine(folder, "manifest.json"), """{ "harnessVersion": "test", "train": 12 }""");
        return folder;
    }

    private static Task<(int Exit, string Out, string Err)> RunAsync(FineTuningStandIn standIn, params string[] args) =>
        CliTests.RunAsync("", [.. args, "--endpoint", standIn.Endpoint.ToString()]);

    [Fact]
    public async Task Start_refuses_a_file_with_format_errors_with_the_report_and_sends_nothing()
    {
        await using var standIn = new FineTuningStandIn();
        var folder = Dataset();
        File.AppendAllText(Path.Combine(folder, "train.jsonl"), """{"messages":[{"role":"user","content":"no answer"}]}""" + "\n");

        var (exit, output, error) = await RunAsync(standIn, "finetune", "start", "--train", Path.Combine(folder, "train.jsonl"), "--model", "gpt-4o-mini-2024-07-18");

        Assert.True(exit == 1, error + output);
        Assert.Contains("example_missing_assistant_message", output, StringComparison.Ordinal);
        Assert.Contains("line 13", output, StringComparison.Ordinal);
        Assert.Contains("nothing was uploaded", output, StringComparison.Ordinal);
        Assert.Empty(standIn.Requests);
    }

    [Fact]
    public async Task Start_with_wait_estimates_uploads_creates_follows_and_records_the_job_in_the_manifest()
    {
        await using var standIn = new FineTuningStandIn();
        var folder = Dataset();

        var (exit, output, error) = await RunAsync(standIn, "finetune", "start", "--train", Path.Combine(folder, "train.jsonl"),
            "--validation", Path.Combine(folder, "validation.jsonl"), "--model", "gpt-4o-mini-2024-07-18", "--suffix", "sql", "--wait", "--poll-seconds", "0");

        // Then the estimate uses the service's epoch rule (12 examples: 100 / 12 = 8 epochs) and the job ran to its model
        Assert.True(exit == 0, error + output);
        Assert.Contains("8 epochs (the service's rule)", output, StringComparison.Ordinal);
        Assert.Contains("not charged as training", output, StringComparison.Ordinal);
        Assert.Matches(@"estimated cost: ~\$\d+\.\d\d", output);
        var job = standIn.CreatedJobs.Single();
        Assert.Equal(8, (int?)job["method"]!["supervised"]!["hyperparameters"]!["n_epochs"]);
        Assert.NotNull((string?)job["validation_file"]);
        Assert.Equal(2, standIn.Files.Count(f => f.Value.Purpose == "fine-tune"));
        Assert.Contains("fine-tuned model: ft:gpt-4o-mini-2024-07-18:standin:sql:", output, StringComparison.Ordinal);
        Assert.Contains("status: running", output, StringComparison.Ordinal); // piped: plain lines, no live line
        Assert.DoesNotContain("\r", output, StringComparison.Ordinal);

        // And the manifest keeps what it had, plus the job with its files, settings and end
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")))!;
        Assert.Equal("test", (string?)manifest["harnessVersion"]);
        var recorded = manifest["fineTuning"]!.AsArray().Single()!;
        Assert.Equal((string?)job["training_file"], (string?)recorded["trainingFileId"]);
        Assert.Equal(("succeeded", 8), ((string?)recorded["status"], (int?)recorded["epochs"]));
        Assert.StartsWith("ft:", (string?)recorded["fineTunedModel"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_validation_file_is_not_uploaded_and_the_job_starts_without_one_with_a_warning()
    {
        await using var standIn = new FineTuningStandIn();
        var folder = Dataset();
        File.WriteAllText(Path.Combine(folder, "validation.jsonl"), ""); // what clean wrote before it split per strategy

        var (exit, output, error) = await RunAsync(standIn, "finetune", "start", "--train", Path.Combine(folder, "train.jsonl"),
            "--validation", Path.Combine(folder, "validation.jsonl"), "--model", "gpt-4o-mini-2024-07-18");

        Assert.True(exit == 0, error + output);
        Assert.Contains("validation.jsonl is empty; the job starts without a validation file", output, StringComparison.Ordinal);
        var job = standIn.CreatedJobs.Single();
        Assert.Null((string?)job["validation_file"]);
        Assert.Single(standIn.Files); // the train file only
        Assert.DoesNotContain("validation.jsonl as", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Watch_of_a_failing_job_exits_1_with_its_error_and_status_events_and_checkpoints_answer_by_dataset()
    {
        await using var standIn = new FineTuningStandIn(new StandInScript(FailAtStep: 5));
        var folder = Dataset();
        var (exit, output, error) = await RunAsync(standIn, "finetune", "start", "--train", Path.Combine(folder, "train.jsonl"), "--model", "gpt-4o-mini", "--epochs", "2");
        Assert.True(exit == 0, error + output);

        // When the job is watched through the dataset folder
        (exit, output, error) = await RunAsync(standIn, "finetune", "watch", folder, "--poll-seconds", "0");

        // Then the watch ends with the job's error, exit 1
        Assert.True(exit == 1, error + output);
        Assert.Contains("failed: invalid_training_file: The job failed due to an invalid training file.", output, StringComparison.Ordinal);
        Assert.Contains("Step 4/8", output, StringComparison.Ordinal);

        (exit, output, _) = await RunAsync(standIn, "finetune", "status", folder);
        Assert.Equal(0, exit);
        Assert.Matches(@"status:\s+failed", output);
        Assert.Matches(@"epochs:\s+2", output);

        (exit, output, _) = await RunAsync(standIn, "finetune", "events", folder);
        Assert.Equal(0, exit);
        Assert.True(output.IndexOf("Created fine-tuning job", StringComparison.Ordinal) < output.IndexOf("Step 1/8", StringComparison.Ordinal), output);

        (exit, output, _) = await RunAsync(standIn, "finetune", "checkpoints", folder);
        Assert.Equal(0, exit);
        Assert.Contains("ckpt-step-4", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_can_be_listed_and_cancelled_and_an_unknown_job_is_an_error()
    {
        await using var standIn = new FineTuningStandIn();
        var folder = Dataset();
        await RunAsync(standIn, "finetune", "start", "--train", Path.Combine(folder, "train.jsonl"), "--model", "gpt-4o-mini");

        var (exit, output, _) = await RunAsync(standIn, "finetune", "list");
        Assert.Equal(0, exit);
        var id = output.Split('\n')[1].Split(' ')[0];
        Assert.StartsWith("ftjob-", id, StringComparison.Ordinal);

        (exit, output, _) = await RunAsync(standIn, "finetune", "cancel", folder);
        Assert.Equal(0, exit);
        Assert.Contains($"{id}: cancelled", output, StringComparison.Ordinal);
        Assert.Contains("\"cancelled\"", File.ReadAllText(Path.Combine(folder, "manifest.json")), StringComparison.Ordinal);

        (exit, _, var error) = await RunAsync(standIn, "finetune", "status", "ftjob-nope");
        Assert.Equal(1, exit);
        Assert.Contains("HTTP 404", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_that_is_not_there_is_exit_3_with_how_to_resume()
    {
        await using var standIn = new FineTuningStandIn();
        var gone = standIn.Endpoint.ToString();
        await standIn.DisposeAsync();

        var (exit, _, error) = await CliTests.RunAsync("", "finetune", "watch", "ftjob-x", "--endpoint", gone, "--retries", "0");

        Assert.True(exit == 3, error);
        Assert.Contains("could not be reached", error, StringComparison.Ordinal);
        Assert.Contains("harness finetune watch ftjob-x", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_writes_the_steps_as_csv_and_draws_the_loss_curves()
    {
        await using var standIn = new FineTuningStandIn();
        var folder = Dataset();
        await RunAsync(standIn, "finetune", "start", "--train", Path.Combine(folder, "train.jsonl"), "--model", "gpt-4o-mini", "--epochs", "3", "--wait", "--poll-seconds", "0");

        var (exit, output, error) = await RunAsync(standIn, "finetune", "metrics", folder, "--out", Path.Combine(folder, "metrics.csv"), "--plot", Path.Combine(folder, "loss.png"));

        Assert.True(exit == 0, error + output);
        var csv = File.ReadAllLines(Path.Combine(folder, "metrics.csv"));
        Assert.Equal(13, csv.Length); // header + 3 epochs × 4 steps
        Assert.EndsWith(":ckpt-step-12", csv[^1], StringComparison.Ordinal);
        Assert.Contains("from result file", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(folder, "loss.png")).Length > 1000);
    }

    [Fact]
    public async Task Bad_usage_is_exit_2_naming_the_option()
    {
        var (exit, _, error) = await CliTests.RunAsync("", "finetune", "start", "--model", "gpt-4o-mini");
        Assert.Equal(2, exit);
        Assert.Contains("--train", error, StringComparison.Ordinal);
        Assert.Contains("harness finetune start --help", error, StringComparison.Ordinal);

        (exit, _, error) = await CliTests.RunAsync("", "finetune", "start", "--train", Path.Combine(Dataset(), "train.jsonl"), "--model", "gpt-9");
        Assert.Equal(2, exit);
        Assert.Contains("models.json", error, StringComparison.Ordinal);

        (exit, _, error) = await CliTests.RunAsync("", "finetune", "metrics", "ftjob-1", "--out", "m.csv", "--plot", "loss.jpg", "--endpoint", "http://127.0.0.1:1/v1");
        Assert.Equal(2, exit);
        Assert.Contains(".svg or .png", error, StringComparison.Ordinal);
    }
}
