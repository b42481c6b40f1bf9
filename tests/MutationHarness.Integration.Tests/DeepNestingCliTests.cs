using System.Text.Json;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests;

/// <summary>Issue 11 through the command line: statements nested 50,000 deep (the parentheses, OR chain, sum,
/// subqueries and NOT chain that once killed the process with exit 134) each get their report line.</summary>
public sealed class DeepNestingCliTests
{
    private const string Table = "`table_7_utf8_undef`";

    private static readonly (string Id, string Mutant)[] Deep =
    [
        ("parentheses", $"SELECT pk FROM {Table} WHERE {new string('(', 4_000)}1{new string(')', 4_000)}"),
        ("or-chain", $"SELECT pk FROM {Table} WHERE " + string.Join(" OR ", Enumerable.Repeat("pk > 3", 15_000))),
        ("sum", $"SELECT pk FROM {Table} WHERE pk > " + string.Join("+", Enumerable.Repeat("1", 20_000))),
        ("subqueries", $"SELECT pk FROM {Table} WHERE " + string.Concat(Enumerable.Repeat($"pk IN (SELECT pk FROM {Table} WHERE ", 2_000)) + "1" + new string(')', 2_000)),
        ("not-chain", $"SELECT pk FROM {Table} WHERE " + string.Concat(Enumerable.Repeat("NOT ", 50_000)) + "pk > 3"),
    ];

    [Fact]
    public async Task Verify_gives_every_deeply_nested_record_its_line_and_still_verifies_the_rest()
    {
        ServerAvailability.RequireMariaDb();
        // Given the deep mutants between two innocent pairs
        var seed = $"SELECT pk FROM {Table} WHERE pk > 3";
        var lines = new List<string> { Line("first", seed, $"SELECT pk FROM {Table} WHERE 1") };
        lines.AddRange(Deep.Select(d => Line(d.Id, seed, d.Mutant)));
        lines.Add(Line("last", seed, $"SELECT pk FROM {Table} WHERE 1"));
        var folder = Directory.CreateTempSubdirectory("deep").FullName;
        var pairs = Path.Combine(folder, "pairs.jsonl");
        await File.WriteAllLinesAsync(pairs, lines, TestContext.Current.CancellationToken);
        var report = Path.Combine(folder, "report.jsonl");

        // When verified
        var (exit, _, error) = await CliTests.RunAsync("", "verify", pairs, "--out", report);

        // Then the run ends normally (1: some pairs fail), with one line per record, the deep ones refused by name
        Assert.True(exit == 1, $"exit {exit}: {error}");
        var verdicts = (await File.ReadAllLinesAsync(report, TestContext.Current.CancellationToken))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => (Verdict: r.GetProperty("verdict").GetString(), Reason: r.TryGetProperty("reason", out var why) ? why.ToString() : ""));
        Assert.Equal(Deep.Length + 2, verdicts.Count);
        Assert.Equal("verified", verdicts["first"].Verdict);
        Assert.Equal("verified", verdicts["last"].Verdict);
        Assert.All(Deep, d => Assert.Contains("levels of nesting", verdicts[d.Id].Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Check_refuses_a_deeply_nested_mutant_with_the_reason()
    {
        // Given a 15,000-term OR in a file (too long for one command-line argument)
        var mutant = Path.Combine(Directory.CreateTempSubdirectory("deep").FullName, "mutant.sql");
        await File.WriteAllTextAsync(mutant, Deep[1].Mutant, TestContext.Current.CancellationToken);

        // When it is checked
        var (exit, output, error) = await CliTests.RunAsync("", "check", "-s", "FixMWhere1U", $"SELECT pk FROM {Table} WHERE pk > 3", "@" + mutant);

        // Then it does not conform, saying why, and the process exits normally
        Assert.True(exit == 1, $"exit {exit}: {error}");
        Assert.Contains("levels of nesting", output, StringComparison.Ordinal);
    }

    private static string Line(string id, string original, string mutated) =>
        JsonSerializer.Serialize(new { id, strategy = "FixMWhere1U", original, mutated });
}
