namespace MutationHarness.Integration.Tests;

/// <summary>The command line's own rules: SQL from files, and bad usage as exit 2 everywhere.</summary>
public sealed class UsageCliTests
{
    private static string SqlFile(string sql)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("sql").FullName, "query.sql");
        File.WriteAllText(path, sql + "\n");
        return path;
    }

    [Fact]
    public async Task Mutate_and_check_read_a_query_from_a_file_given_as_at_path_or_as_a_plain_path()
    {
        // Given a seed and a mutant, each in a file
        var seed = SqlFile("SELECT a FROM t WHERE a > 1");
        var mutant = SqlFile("SELECT a FROM t WHERE 1");

        // When mutate reads the seed both ways and check reads both files
        var (atExit, atOut, atErr) = await CliTests.RunAsync("", "mutate", "@" + seed, "--strategy", "FixMWhere1U");
        var (plainExit, plainOut, _) = await CliTests.RunAsync("", "mutate", seed, "--strategy", "FixMWhere1U");
        var (checkExit, checkOut, checkErr) = await CliTests.RunAsync("", "check", "-s", "FixMWhere1U", "@" + seed, "@" + mutant);

        // Then each sees the query, not its words as arguments
        Assert.True(atExit == 0, atErr);
        Assert.Contains("SELECT a FROM t WHERE 1", atOut, StringComparison.Ordinal);
        Assert.Equal(0, plainExit);
        Assert.Equal(atOut, plainOut);
        Assert.True(checkExit == 0, checkErr);
        Assert.StartsWith("conforms: FixMWhere1U", checkOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verify", "x.jsonl", "--jobs", "abc")]
    [InlineData("check", "SELECT 1", "SELECT 2")]
    [InlineData("bogus")]
    [InlineData("mutate", "SELEC x")]
    public async Task Bad_usage_exits_2_with_a_message_and_no_stack_trace(params string[] args)
    {
        // When the command line is wrong
        var (exit, _, error) = await CliTests.RunAsync("", args);

        // Then it exits 2 (1 would mean "a record failed", or for check "does not conform"), saying what is wrong
        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
