using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests;

/// <summary>A file that is not pair records at all (a JSON array, CSV, an empty file) is named with what it is and what
/// is expected, exit 2, before any server starts: no per-line parser noise.</summary>
public sealed class InputFormatCliTests
{
    private static string Write(string name, string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("format").FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    public static TheoryData<string, string, string> NotPairFiles() => new()
    {
        { "pairs.jsonl", "[\n  {\"strategy\": \"FixMWhere1U\", \"original\": \"SELECT 1\", \"mutated\": \"SELECT 2\"}\n]\n", "is one JSON array, not JSON lines" },
        { "pairs.csv", "id,strategy,original,mutated\n1,FixMWhere1U,SELECT 1,SELECT 2\n", "looks like CSV or TSV (its first line is 'id,strategy,original,mutated')" },
        { "pairs.jsonl", "", "is empty" },
        { "pairs.jsonl", "\n  \n", "is empty" },
        { "pairs.sql", "SELECT 1;\n", "is not JSON (its first line is 'SELECT 1;')" },
    };

    [Theory]
    [MemberData(nameof(NotPairFiles))]
    public async Task A_file_that_is_not_pair_records_exits_2_saying_what_it_is_and_what_is_expected(string name, string text, string what)
    {
        // Given a file that cannot hold pair records
        var file = Write(name, text);

        // When verify is given it
        var (exit, output, error) = await CliTests.RunAsync("", "verify", file);

        // Then one message names the file, what it looks like and what the harness reads; no server was started
        Assert.True(exit == 2, error);
        Assert.Contains($"error: {file} {what}", error, StringComparison.Ordinal);
        Assert.Contains("expected pair records as JSON lines", error, StringComparison.Ordinal);
        Assert.DoesNotContain("starting", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("[{\"strategy\":\"FixMWhere1U\",\"original\":\"SELECT 1\",\"mutated\":\"SELECT 2\"}]\n", "is one JSON array")]
    [InlineData("", "is empty")]
    public async Task Standard_input_that_is_not_pair_records_exits_2_the_same_way(string stdin, string what)
    {
        // Standard input shows what it is only once read, after the target started
        ServerAvailability.RequireMariaDb();
        var (exit, _, error) = await CliTests.RunAsync(stdin, "verify", "-");

        Assert.True(exit == 2, error);
        Assert.Contains($"error: standard input {what}", error, StringComparison.Ordinal);
    }
}
