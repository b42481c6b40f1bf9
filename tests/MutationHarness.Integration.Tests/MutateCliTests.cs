using System.Text.Json;
using MutationHarness.Sql;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests;

/// <summary><c>mutate --seeds</c>: a file of seeds in, pair JSONL with the originals out, and why a seed has none.</summary>
public sealed class MutateCliTests
{
    private const string T7 = "`table_7_utf8_undef`";

    [Fact]
    public async Task A_file_of_seeds_becomes_pair_jsonl_that_verify_passes_and_seeds_without_a_mutant_say_why()
    {
        // Given seeds as a plain line, a pair record, a chat example, a LIKE over a column, and a line that does not parse
        var dir = Directory.CreateTempSubdirectory("mutate").FullName;
        var seeds = Path.Combine(dir, "seeds.txt");
        var chat = JsonSerializer.Serialize(new { messages = new object[] { new { role = "user", content = $"SELECT pk FROM {T7} WHERE NOT ('well' LIKE 'w%l')" } } });
        await File.WriteAllLinesAsync(seeds, [
            $"SELECT pk FROM {T7} WHERE 'this' LIKE 't%s'",
            JsonSerializer.Serialize(new { id = "p1", strategy = "FixMWhere1U", original = $"SELECT pk FROM {T7} WHERE 'that' LIKE '_hat'", mutated = "SELECT 1" }),
            chat,
            $"SELECT pk FROM {T7} WHERE `col_char(20)_key_signed` LIKE 'a%'",
            "SELECT FROM",
        ], TestContext.Current.CancellationToken);
        var pairs = Path.Combine(dir, "pairs.jsonl");

        // When mutate runs over the file for RdMLikeU
        var (exit, _, error) = await CliTests.RunAsync("", "mutate", "--seeds", seeds, "--strategy", "RdMLikeU", "--out", pairs);

        // Then every mutant is a pair record with its original, conforming in its direction (the chat one flipped)
        Assert.Equal(1, exit);
        var lines = File.ReadAllLines(pairs).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(lines, l => l.GetProperty("id").GetString()!.StartsWith("p1-RdMLikeU-", StringComparison.Ordinal));
        Assert.Equal(3, lines.Select(l => l.GetProperty("original").GetString()).Distinct().Count());
        foreach (var line in lines)
        {
            var result = Conformance.Check("RdMLikeU", line.GetProperty("original").GetString()!, line.GetProperty("mutated").GetString()!);
            Assert.True(result.Conforms, result.Reason);
            Assert.Equal(result.IsUpper, line.GetProperty("isUpper").GetBoolean());
        }

        Assert.Contains(lines, l => !l.GetProperty("isUpper").GetBoolean());

        // and the seeds without one say why, naming their line
        Assert.Contains("seeds.txt:4: no RdMLikeU mutant: LIKE pattern at 1:", error, StringComparison.Ordinal);
        Assert.Contains("both operands must be string literals", error, StringComparison.Ordinal);
        Assert.Contains("seeds.txt:5: the query does not parse", error, StringComparison.Ordinal);

        // and verify passes every pair on the real server
        ServerAvailability.RequireMariaDb();
        (exit, var output, error) = await CliTests.RunAsync("", "verify", pairs);
        Assert.True(exit == 0, error + output);
    }

    [Fact]
    public async Task One_query_with_no_site_says_what_it_lacks_and_json_carries_the_original()
    {
        var (exit, _, error) = await CliTests.RunAsync("", "mutate", "SELECT pk FROM t", "--strategy", "FixMWhere1U");
        Assert.Equal(0, exit);
        Assert.Contains("no FixMWhere1U mutant: the query has no WHERE", error, StringComparison.Ordinal);

        (exit, var output, _) = await CliTests.RunAsync("", "mutate", "SELECT pk FROM t WHERE pk > 1", "--strategy", "FixMWhere1U", "--json");
        Assert.Equal(0, exit);
        var record = JsonDocument.Parse(output.Trim()).RootElement;
        Assert.Equal("SELECT pk FROM t WHERE pk > 1", record.GetProperty("original").GetString());
        Assert.Equal("SELECT pk FROM t WHERE 1", record.GetProperty("mutated").GetString());
    }
}
