using System.Text;

namespace MutationHarness.FineTuning.Tests;

public sealed class InspectionReportWriterTests
{
    private static async Task<string[]> ReportLinesAsync(string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var report = await new ChatFileInspector(ModelCatalog.LoadDefault()).InspectAsync(stream, "t.jsonl", TestContext.Current.CancellationToken);
        var text = new StringWriter();
        InspectionReportWriter.WriteText(report, text);
        return text.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
    }

    [Fact]
    public async Task The_text_report_follows_the_users_layout()
    {
        var lines = await ReportLinesAsync(Lines.ValidFile(12));

        Assert.Equal("Num examples: 12", lines[0]);
        Assert.Equal("First example:", lines[1]);
        Assert.Equal("{'role': 'system', 'content': 'You are an expert in MySQL statement mutation. Mutate it.'}", lines[2]);
        Assert.Contains("No errors found", lines);
        Assert.Contains("Num examples missing system message: 0", lines);
        Assert.Contains("#### Distribution of num_total_tokens_per_example:", lines);
        Assert.Contains("mean / median: 3.0, 3.0", lines);
        // the seed's "p5 / p95" line holds the 0.1/0.9 quantiles: printed as p10 / p90, then the true p5 / p95
        var p10 = Array.FindIndex(lines, l => l.StartsWith("p10 / p90: ", StringComparison.Ordinal));
        Assert.True(p10 > 0 && lines[p10 + 1].StartsWith("p5 / p95: ", StringComparison.Ordinal));
        Assert.Contains("0 examples may be over the 65,536 token limit, they will be truncated during fine-tuning", lines);
        Assert.Contains("By default, you'll train for 8 epochs on this dataset", lines); // 100 / 12
        Assert.Contains(lines, l => l.StartsWith("Estimated cost: ~$", StringComparison.Ordinal) && l.Contains($"prices as of {ModelCatalog.LoadDefault().PricesAsOf};", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Errors_are_listed_by_kind_with_their_lines()
    {
        var bad = """{"messages":[{"role":"bot","content":"x"},{"role":"assistant","content":"a"}]}""";

        var lines = await ReportLinesAsync(Lines.Valid(1) + "\n" + bad + "\n");

        var at = Array.IndexOf(lines, "Found errors:");
        Assert.True(at > 0);
        Assert.Equal("unrecognized_role: 1", lines[at + 1]);
        Assert.Equal("  line 2: message 1 has role \"bot\"", lines[at + 2]);
        Assert.Equal("too_few_examples: 1", lines[at + 3]);
        Assert.Equal("  1 valid examples (of 2); the service needs at least 10", lines[at + 4]);
    }

    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("'a' \"b\"", "'\\'a\\' \"b\"'")]
    [InlineData("a\nb\\c", "'a\\nb\\\\c'")]
    public void Strings_print_as_python_repr(string value, string expected) =>
        Assert.Equal(expected, PythonRepr.String(value));

    [Theory]
    [InlineData(3.0, "3.0")]
    [InlineData(446.8545454545455, "446.8545454545455")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    public void Floats_print_as_python_repr(double value, string expected) =>
        Assert.Equal(expected, PythonRepr.Float(value));
}
