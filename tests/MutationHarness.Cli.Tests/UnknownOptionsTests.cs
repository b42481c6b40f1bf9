using System.CommandLine;

namespace MutationHarness.Cli.Tests;

/// <summary>The command line's own reading of words that look like options, in process: what is unknown, and which real
/// option is named as the closest. (The integration suite runs the built harness for the whole commands.)</summary>
public sealed class UnknownOptionsTests
{
    private static RootCommand Root()
    {
        var verify = new Command("verify") { new Option<string>("--out", "-o"), new Option<int>("--jobs"), new Option<bool>("--resume") };
        verify.Add(new Argument<string[]>("inputs") { Arity = ArgumentArity.ZeroOrMore });
        return new RootCommand { verify };
    }

    [Theory]
    [InlineData("--otu", "--out")]
    [InlineData("--job", "--jobs")]
    [InlineData("--resum", "--resume")]
    [InlineData("--JOBS", "--jobs")]
    public void A_misspelled_option_names_the_closest_real_one(string word, string closest)
    {
        var parsed = Root().Parse(["verify", "pairs.jsonl", word, "2"]);

        Assert.Equal([word], UnknownOptions.Find(parsed));
        var error = new StringWriter();
        Assert.True(UnknownOptions.Report(parsed, error));
        Assert.Contains($"unknown option '{word}' for 'harness verify'; the closest is '{closest}'", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_far_from_every_option_is_unknown_without_a_guess()
    {
        var parsed = Root().Parse(["verify", "--temperature", "pairs.jsonl"]);

        var error = new StringWriter();
        Assert.True(UnknownOptions.Report(parsed, error));
        Assert.Contains("unknown option '--temperature'", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("closest", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Option_values_and_words_after_a_double_dash_are_not_options()
    {
        // A value that looks like an option belongs to its option; after -- every word is an input
        var parsed = Root().Parse(["verify", "--out", "-report.jsonl", "--", "--not-an-option.jsonl"]);

        Assert.Empty(UnknownOptions.Find(parsed));
        Assert.False(UnknownOptions.Report(parsed, new StringWriter()));
    }

    [Fact]
    public void A_misspelled_command_names_the_closest_command()
    {
        var parsed = Root().Parse(["verfy", "pairs.jsonl"]);

        var error = new StringWriter();
        Assert.True(UnknownOptions.Report(parsed, error));
        Assert.Contains("unknown command 'verfy'; the closest is 'verify'", error.ToString(), StringComparison.Ordinal);
    }
}
