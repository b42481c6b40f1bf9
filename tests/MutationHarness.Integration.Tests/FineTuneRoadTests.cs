using System.Text.Json.Nodes;
using MutationHarness.TestSupport;
using MutationHarness.TestSupport.FineTuning;

namespace MutationHarness.Integration.Tests;

/// <summary>The README's fine-tuning road, run line by line as written: clean → inspect → finetune start --wait → finetune metrics --plot.</summary>
public sealed class FineTuneRoadTests
{
    private const string Heading = "## Fine-tune a model on the dataset";

    /// <summary>The commands of the section's first code block, each split into arguments (the README quotes nothing there).</summary>
    private static List<string[]> ReadmeCommands()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "README.md"));
        var start = Array.IndexOf(readme, Heading);
        Assert.True(start >= 0, $"README.md has no heading '{Heading}'");
        return readme.Skip(start).SkipWhile(l => !l.StartsWith("```", StringComparison.Ordinal)).Skip(1)
            .TakeWhile(l => !l.StartsWith("```", StringComparison.Ordinal))
            .Where(l => l.StartsWith("./harness ", StringComparison.Ordinal))
            .Select(l => l["./harness ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
    }

    [Fact]
    public async Task The_readme_road_runs_against_the_stand_in()
    {
        ServerAvailability.RequireMariaDb();
        // Given the README's commands, a scratch folder to run them in, and the stand-in as the endpoint
        var commands = ReadmeCommands();
        Assert.Equal(["clean", "inspect", "finetune", "finetune"], commands.Select(c => c[0]));
        await using var standIn = new FineTuningStandIn();
        var folder = Directory.CreateTempSubdirectory("ft-road").FullName;

        // When each runs in turn (the corpus path taken from the repository, the fine-tuning ones pointed at the stand-in)
        foreach (var command in commands)
        {
            var args = command.Select(a => a == "fixtures/bug-reports/pinolo-bugreports.jsonl" ? SharedPaths.Corpus : a).ToList();
            if (args[0] == "finetune")
                args.AddRange(["--endpoint", standIn.Endpoint.ToString()]);
            if (args.Contains("--wait"))
                args.AddRange(["--poll-seconds", "0"]);
            var (exit, output, error) = await CliTests.RunInAsync(folder, "", [.. args]);

            // Then every step succeeds
            Assert.True(exit == 0, $"harness {string.Join(' ', command)} exited {exit}\n{output}\n{error}");
        }

        // And the dataset carries the job that trained on it, with its model, and the metrics and the plot are written
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "dataset", "manifest.json")))!;
        var job = manifest["fineTuning"]!.AsArray().Single()!;
        Assert.Equal("succeeded", (string?)job["status"]);
        Assert.StartsWith("ft:gpt-4o-mini-2024-07-18:standin:mutations:", (string?)job["fineTunedModel"], StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "dataset", "train.jsonl")), standIn.Files[(string)job["trainingFileId"]!].Content);
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "dataset", "validation.jsonl")), standIn.Files[(string)job["validationFileId"]!].Content);
        var csv = File.ReadAllLines(Path.Combine(folder, "dataset", "metrics.csv"));
        Assert.True(csv.Length > 2);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(folder, "dataset", "loss.svg")), StringComparison.Ordinal);
    }
}
