using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests;

/// <summary>Without --out, verify still says which records failed: the first 20 after the summary, then a count.</summary>
public sealed class FailingRecordsCliTests
{
    [Fact]
    public async Task Without_out_the_failing_records_follow_the_summary_with_id_verdict_and_reason()
    {
        ServerAvailability.RequireMariaDb();
        // Given one pair that verifies and 23 that cannot (a second statement in the mutant)
        var lines = new List<string> { """{"id":"good","strategy":"FixMWhere1U","original":"SELECT pk FROM `table_3_utf8_undef` WHERE pk > 1","mutated":"SELECT pk FROM `table_3_utf8_undef` WHERE 1"}""" };
        for (var i = 1; i <= 23; i++)
            lines.Add($$"""{"id":"evil-{{i:00}}","strategy":"FixMWhere1U","original":"SELECT 1","mutated":"SELECT 1; DROP TABLE t"}""");
        var file = Path.Combine(Directory.CreateTempSubdirectory("failing").FullName, "pairs.jsonl");
        await File.WriteAllLinesAsync(file, lines, TestContext.Current.CancellationToken);

        // When verify runs without --out
        var (exit, output, error) = await CliTests.RunAsync("", "verify", file, "--jobs", "2");

        // Then after the summary come the first 20 failing records, each on one line, and how many more there are
        Assert.True(exit == 1, error);
        var listed = output[output.IndexOf("not verified (23;", StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(22, listed.Length);
        Assert.Matches(@"^  evil-01  rejected +\S.*", listed[1]);
        Assert.StartsWith("  evil-20 ", listed[20], StringComparison.Ordinal);
        Assert.Equal("  … and 3 more", listed[21].TrimEnd());
        Assert.DoesNotContain("good", string.Join('\n', listed), StringComparison.Ordinal);
    }
}
