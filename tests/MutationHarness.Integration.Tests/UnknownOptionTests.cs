namespace MutationHarness.Integration.Tests;

/// <summary>A misspelled option is a usage error naming it and the closest real one, for every command; it is never
/// read as an input file or a SQL text.</summary>
public sealed class UnknownOptionTests
{
    [Theory]
    [InlineData("--otu", "--out", "verify", "pairs.jsonl", "--otu", "r.jsonl")]
    [InlineData("--out-dri", "--out-dir", "clean", "pairs.jsonl", "--out-dri", "dataset")]
    [InlineData("--modle", "--model", "inspect", "train.jsonl", "--modle", "gpt-4o-mini")]
    [InlineData("--baselin", "--baseline", "eval", "--test", "t.jsonl", "--baselin", "s.json")]
    [InlineData("--stratgy", "--strategy", "mutate", "SELECT 1", "--stratgy", "FixMWhere1U")]
    [InlineData("--stratgey", "--strategy", "check", "--stratgey", "FixMWhere1U", "SELECT 1", "SELECT 2")]
    [InlineData("--sed", "--seed", "fixture", "generate", "--sed", "3")]
    [InlineData("--helpp", "--help", "verify", "--helpp")]
    [InlineData("--jsn", "--json", "verify", "x.jsonl", "--jsn=1")]
    public async Task An_unknown_option_exits_2_naming_it_and_the_closest_real_option(string unknown, string closest, params string[] args)
    {
        // When a command is given an option it does not have
        var (exit, output, error) = await CliTests.RunAsync("", args);

        // Then it stops before any work, naming the word and what was probably meant
        Assert.True(exit == 2, error);
        Assert.Contains($"error: unknown option '{unknown}'", error, StringComparison.Ordinal);
        Assert.Contains($"the closest is '{closest}'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("input not found", error, StringComparison.Ordinal);
        Assert.Equal("", output);
    }

    [Fact]
    public async Task A_misspelled_command_names_the_closest_command()
    {
        var (exit, _, error) = await CliTests.RunAsync("", "verfy", "pairs.jsonl");

        Assert.Equal(2, exit);
        Assert.Contains("error: unknown command 'verfy'; the closest is 'verify'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_double_dash_an_option_like_word_is_an_input_again()
    {
        // Given a file whose name starts with a dash, named after --
        var (exit, _, error) = await CliTests.RunAsync("", "verify", "--", "--otu");

        // Then it is looked for as an input, as the user asked
        Assert.Equal(2, exit);
        Assert.Contains("input not found: --otu", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Negative_numbers_and_known_options_pass_through()
    {
        // Given a known option whose value starts with a dash, and a real typo elsewhere
        var (exit, _, error) = await CliTests.RunAsync("", "mutate", "SELECT a FROM t WHERE a > -1", "--strategy", "FixMCmpOpU", "--seed", "-5");

        // Then nothing is taken for an unknown option
        Assert.True(exit == 0, error);
    }
}
