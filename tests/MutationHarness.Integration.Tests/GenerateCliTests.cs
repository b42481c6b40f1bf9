using System.Text.Json;
using MutationHarness.Core.Strategies;
using MutationHarness.Sql;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests;

/// <summary>The README's road, run as a user runs it: generate → verify → clean → inspect → eval.</summary>
public sealed class GenerateCliTests
{
    [Fact]
    public async Task The_readme_road_from_nothing_to_a_graded_validation_split()
    {
        ServerAvailability.RequireMariaDb();
        var dir = Directory.CreateTempSubdirectory("road").FullName;
        var pairs = Path.Combine(dir, "pairs.jsonl");

        // When generate runs exactly as the README says
        var (exit, output, error) = await CliTests.RunAsync("", "generate", "--per-strategy", "40", "--seed", "7", "--out", pairs);

        // Then it writes 720 pairs, 40 per strategy, and says how varied they are
        Assert.True(exit == 0, error + output);
        var lines = File.ReadAllLines(pairs).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(720, lines.Count);
        Assert.All(lines.GroupBy(l => l.GetProperty("strategy").GetString()), g => Assert.Equal(40, g.Count()));
        Assert.Equal(StrategyNames.All.Count, lines.Select(l => l.GetProperty("strategy").GetString()).Distinct().Count());
        Assert.Contains("720 verified pairs", output, StringComparison.Ordinal);
        Assert.Contains("distinct, each under one strategy", output, StringComparison.Ordinal);

        // and verify, a separate run on a fresh server, verifies every one of them
        (exit, output, error) = await CliTests.RunAsync("", "verify", pairs, "--out", Path.Combine(dir, "report.jsonl"));
        Assert.True(exit == 0, error + output);

        // and clean makes a dataset whose validation split covers every strategy
        var dataset = Path.Combine(dir, "dataset");
        (exit, output, error) = await CliTests.RunAsync("", "clean", pairs, "--out-dir", dataset);
        Assert.True(exit == 0, error + output);
        var validation = File.ReadAllLines(Path.Combine(dataset, "validation.jsonl"));
        var covered = validation.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("messages")[0].GetProperty("content").GetString()!)
            .Select(system => StrategyCatalog.Default.FromSystemText(system)?.Name).Distinct().ToList();
        Assert.Equal(StrategyNames.All.Order(), covered.Order());

        // and inspect finds the chat file well formed
        (exit, output, error) = await CliTests.RunAsync("", "inspect", Path.Combine(dataset, "train.jsonl"));
        Assert.True(exit == 0, error + output);

        // and eval grades answers to the validation split (here the references themselves, a model that is always right)
        var answers = Path.Combine(dir, "answers.jsonl");
        await File.WriteAllLinesAsync(answers, validation.Select((l, i) => JsonSerializer.Serialize(new
        {
            line = i + 1,
            output = JsonDocument.Parse(l).RootElement.GetProperty("messages")[2].GetProperty("content").GetString(),
        })), TestContext.Current.CancellationToken);
        (exit, output, error) = await CliTests.RunAsync("", "eval", "--test", Path.Combine(dataset, "validation.jsonl"), "--outputs", answers,
            "--out", Path.Combine(dir, "scorecard.json"));
        Assert.True(exit == 0, error + output);
        Assert.True(File.Exists(Path.Combine(dir, "scorecard.json")));
    }

    [Fact]
    public async Task A_label_no_target_runs_and_an_unknown_strategy_are_refused_before_any_work()
    {
        var (exit, _, error) = await CliTests.RunAsync("", "generate", "-n", "5", "--dbms-label", "tidb", "--out", "x.jsonl");
        Assert.Equal(2, exit);
        Assert.Contains("no target runs tidb", error, StringComparison.Ordinal);

        (exit, _, error) = await CliTests.RunAsync("", "generate", "-n", "5", "--strategies", "FixMWhere1U,FixMNope", "--out", "x.jsonl");
        Assert.Equal(2, exit);
        Assert.Contains("FixMNope", error, StringComparison.Ordinal);

        (exit, _, error) = await CliTests.RunAsync("", "generate", "-n", "0", "--out", "x.jsonl");
        Assert.Equal(2, exit);
        Assert.Contains("--per-strategy", error, StringComparison.Ordinal);
    }
}
