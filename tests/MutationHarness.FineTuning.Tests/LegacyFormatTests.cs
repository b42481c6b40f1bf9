using System.Text;

namespace MutationHarness.FineTuning.Tests;

/// <summary>The legacy {"prompt","completion"} format (the seed 000 user's file): recognised, named, and accepted only by the models that take it.</summary>
public sealed class LegacyFormatTests
{
    private static string Legacy(int i) =>
        $$"""{"prompt":"sc_org{{i}}（组织结构表）的建表语句是？ ->","completion":" create table sc_org{{i}} (innerid varchar(50) not null);\n"}""";

    private static async Task<InspectionReport> InspectAsync(string model, string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return await new ChatFileInspector(ModelCatalog.LoadDefault(), model).InspectAsync(stream, "t.jsonl", TestContext.Current.CancellationToken);
    }

    private static string File(int count, Func<int, string> line) => string.Concat(Enumerable.Range(1, count).Select(i => line(i) + "\n"));

    [Fact]
    public async Task A_legacy_file_given_to_a_chat_model_is_named_for_what_it_is_on_every_line()
    {
        var report = await InspectAsync("gpt-4o-mini-2024-07-18", File(12, Legacy));

        var issue = Assert.Single(report.Errors, e => e.Kind == FormatIssueKinds.LegacyPromptCompletion);
        Assert.Equal(12, issue.Count);
        Assert.Contains("babbage-002 and davinci-002", issue.Sites[0].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(report.Errors, e => e.Kind == FormatIssueKinds.MissingMessagesList);
        Assert.Equal(12, report.ExampleCount);
        Assert.Equal(12, report.LegacyExampleCount);
        var text = new StringWriter();
        InspectionReportWriter.WriteText(report, text);
        Assert.Contains("Format: 12 of 12 examples are legacy {\"prompt\",\"completion\"} lines", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("{'prompt': 'sc_org1（组织结构表）的建表语句是？ ->', 'completion': ' create table sc_org1 (innerid varchar(50) not null);\\n'}", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_legacy_file_is_well_formed_for_davinci_002_and_counted_without_chat_framing()
    {
        var counter = TokenCounter.ForEncoding("cl100k_base");

        var report = await InspectAsync("davinci-002", File(12, Legacy));

        Assert.Empty(report.Errors);
        Assert.Equal(0, report.MissingSystemCount); // a prompt/completion line has no system message to miss
        var prompt = "sc_org1（组织结构表）的建表语句是？ ->";
        var completion = " create table sc_org1 (innerid varchar(50) not null);\n";
        Assert.Equal(counter.CountTokens(prompt) + counter.CountTokens(completion), report.Statistics.TotalTokensPerExample.Min);
        Assert.Equal(16_384, report.Statistics.TokenLimit);
    }

    [Fact]
    public async Task A_chat_file_given_to_davinci_002_is_refused_line_by_line()
    {
        var report = await InspectAsync("davinci-002", Lines.ValidFile(12));

        Assert.Equal(12, Assert.Single(report.Errors, e => e.Kind == FormatIssueKinds.ChatExampleForCompletionModel).Count);
    }

    [Theory]
    [InlineData("""{"prompt":"x","completion":""}""")]
    [InlineData("""{"prompt":1,"completion":"y"}""")]
    public async Task A_legacy_line_needs_a_text_prompt_and_a_completion(string line)
    {
        var report = await InspectAsync("babbage-002", File(10, Legacy) + line + "\n");

        Assert.Equal(11, Assert.Single(report.Errors, e => e.Kind == FormatIssueKinds.MissingContent).Sites[0].Line);
    }

    [Fact]
    public void Clean_refuses_a_model_that_takes_legacy_lines_since_it_writes_chat_examples()
    {
        var error = Assert.Throws<ArgumentException>(() => new DatasetBuilder(new DatasetOptions { Model = "davinci-002" }, new Dictionary<string, MutationHarness.Core.Strategies.StrategyInstructions>()));

        Assert.Contains("chat model", error.Message, StringComparison.Ordinal);
    }
}
