using System.Text;

namespace MutationHarness.FineTuning.Tests;

public sealed class ChatFileInspectorTests
{
    private static readonly ChatFileInspector Inspector = new(ModelCatalog.LoadDefault());

    private static async Task<InspectionReport> InspectAsync(string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        return await Inspector.InspectAsync(stream, "test.jsonl", TestContext.Current.CancellationToken);
    }

    private static IssueSite SingleSite(InspectionReport report, string kind)
    {
        var issue = Assert.Single(report.Errors, e => e.Kind == kind);
        return Assert.Single(issue.Sites);
    }

    // The errors of the lines themselves, leaving out the file-wide count of valid examples (small files here).
    private static List<FormatIssue> LineErrors(InspectionReport report) =>
        report.Errors.Where(e => e.Kind != FormatIssueKinds.TooFewExamples).ToList();

    [Fact]
    public async Task A_well_formed_file_has_no_errors_and_counts_its_examples()
    {
        var report = await InspectAsync(Lines.ValidFile(12));

        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
        Assert.Equal(12, report.ExampleCount);
        Assert.Equal(3, report.FirstExample!.Messages.Count);
        Assert.Equal(12, report.Statistics.ExampleCount);
    }

    [Theory]
    [InlineData("[1,2]", FormatIssueKinds.DataType)]
    [InlineData("not json at all", FormatIssueKinds.DataType)]
    [InlineData("""{"prompt":"x"}""", FormatIssueKinds.MissingMessagesList)]
    [InlineData("""{"messages":[]}""", FormatIssueKinds.MissingMessagesList)]
    [InlineData("""{"messages":[{"role":"user","content":"q"},{"content":"a"}]}""", FormatIssueKinds.MessageMissingKey)]
    [InlineData("""{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a","meta":1}]}""", FormatIssueKinds.MessageUnrecognizedKey)]
    [InlineData("""{"messages":[{"role":"user","content":"q"},{"role":"bot","content":"x"},{"role":"assistant","content":"a"}]}""", FormatIssueKinds.UnrecognizedRole)]
    [InlineData("""{"messages":[{"role":"user","content":""},{"role":"assistant","content":"a"}]}""", FormatIssueKinds.MissingContent)]
    [InlineData("""{"messages":[{"role":"user","content":42},{"role":"assistant","content":"a"}]}""", FormatIssueKinds.MissingContent)]
    [InlineData("""{"messages":[{"role":"system","content":"s"},{"role":"user","content":"q"}]}""", FormatIssueKinds.ExampleMissingAssistantMessage)]
    [InlineData("""{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a","weight":2}]}""", FormatIssueKinds.InvalidWeight)]
    [InlineData("""{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"},{"role":"user","content":"more"}]}""", FormatIssueKinds.LastMessageNotAssistant)]
    public async Task Each_format_error_is_reported_with_its_line(string badLine, string kind)
    {
        // Given a file whose fourth line is broken
        var content = Lines.Valid(1) + "\n" + Lines.Valid(2) + "\n" + Lines.Valid(3) + "\n" + badLine + "\n" + Lines.Valid(5) + "\n";

        // When it is inspected
        var report = await InspectAsync(content);

        // Then that kind is reported, on line 4, and nothing is reported elsewhere
        var issue = Assert.Single(report.Errors, e => e.Kind == kind);
        Assert.Equal(4, Assert.Single(issue.Sites).Line);
        Assert.All(LineErrors(report).SelectMany(e => e.Sites), site => Assert.Equal(4, site.Line));
    }

    [Fact]
    public async Task A_duplicate_example_is_a_warning_naming_the_line_it_repeats_and_still_counts()
    {
        // The service accepts a repeated example, so the file is well formed; the user is told.
        var report = await InspectAsync(Lines.ValidFile(10) + Lines.Valid(1) + "\n");

        Assert.Empty(report.Errors);
        var duplicate = Assert.Single(Assert.Single(report.Warnings, w => w.Kind == FormatIssueKinds.DuplicateExample).Sites);
        Assert.Equal((11, "duplicate of line 1"), (duplicate.Line, duplicate.Detail));
        Assert.Equal(11, report.ExampleCount);
        Assert.Equal(11, report.ValidExampleCount);
    }

    [Fact]
    public async Task Weights_zero_and_one_are_accepted()
    {
        var line = """{"messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a","weight":0},{"role":"user","content":"q2"},{"role":"assistant","content":"b","weight":1}]}""";

        var report = await InspectAsync(line + "\n");

        Assert.Empty(LineErrors(report));
        Assert.Equal(0, report.FirstExample!.Messages[1].Weight);
    }

    [Fact]
    public async Task Missing_system_and_user_messages_are_warnings_not_errors()
    {
        var line = """{"messages":[{"role":"assistant","content":"a"}]}""";

        var report = await InspectAsync(Lines.ValidFile(10) + line + "\n");

        Assert.Empty(report.Errors);
        Assert.Equal(1, report.MissingSystemCount);
        Assert.Equal(1, report.MissingUserCount);
        Assert.Equal(11, Assert.Single(report.Warnings, w => w.Kind == FormatIssueKinds.MissingSystemMessage).Sites[0].Line);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(9, 0)]
    [InlineData(9, 3)]
    public async Task Fewer_than_ten_valid_examples_fail_and_an_empty_file_too(int valid, int broken)
    {
        // Given a file with some valid examples and, maybe, a broken one (which does not count)
        var bad = """{"messages":[{"role":"bot","content":"x"},{"role":"assistant","content":"a"}]}""" + "\n";
        var report = await InspectAsync(Lines.ValidFile(valid) + string.Concat(Enumerable.Repeat(bad, broken)));

        // Then under 10 valid examples is an error the service would give, saying how many there are
        var site = SingleSite(report, FormatIssueKinds.TooFewExamples);
        Assert.Equal(0, site.Line);
        Assert.StartsWith(broken > 0 ? $"{valid} valid examples (of {valid + broken})" : $"{valid} examples;", site.Detail, StringComparison.Ordinal);
        Assert.True(report.HasErrors);
    }

    [Fact]
    public async Task Ten_valid_examples_pass_and_num_examples_counts_examples_not_lines()
    {
        // Given ten examples, a blank line and a line that is no JSON at all
        var report = await InspectAsync(Lines.ValidFile(5) + "\n" + "garbage\n" + string.Concat(Enumerable.Range(6, 5).Select(i => Lines.Valid(i) + "\n")));

        // Then the two bad lines are errors of their own but no examples, and ten examples are enough
        Assert.Equal(10, report.ExampleCount);
        Assert.Equal(10, report.ValidExampleCount);
        Assert.DoesNotContain(report.Errors, e => e.Kind == FormatIssueKinds.TooFewExamples);
        Assert.Equal(2, Assert.Single(report.Errors, e => e.Kind == FormatIssueKinds.DataType).Count);
    }

    [Fact]
    public async Task Crlf_line_ends_and_a_byte_order_mark_are_tolerated()
    {
        var content = "\uFEFF" + Lines.Valid(1) + "\r\n" + Lines.Valid(2) + "\r\n";

        var report = await InspectAsync(content);

        Assert.Empty(LineErrors(report));
        Assert.Equal(2, report.ExampleCount);
    }

    [Fact]
    public async Task A_corrupted_file_is_reported_line_by_line_without_a_crash()
    {
        // Given a file with a wrong role (line 2), empty content (line 3), bad UTF-8 (line 4) and a truncated last line (6)
        using var directory = new TempDirectory();
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes(Lines.Valid(1) + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"messages":[{"role":"robot","content":"q"},{"role":"assistant","content":"a"}]}""" + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"messages":[{"role":"user","content":""},{"role":"assistant","content":"a"}]}""" + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes("""{"messages":[{"role":"user","content":"caf"""));
        bytes.AddRange([0xC3, 0x28, 0xFF]);
        bytes.AddRange(Encoding.UTF8.GetBytes("""e"},{"role":"assistant","content":"a"}]}""" + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes(Lines.Valid(5) + "\n"));
        bytes.AddRange(Encoding.UTF8.GetBytes(Lines.Valid(6)[..40]));
        var path = directory.Write("corrupt.jsonl", bytes.ToArray());

        // When it is inspected from disk
        var report = await Inspector.InspectAsync(path, TestContext.Current.CancellationToken);

        // Then every problem is found on its own line, and only the lines holding an example count as examples
        Assert.Equal(4, report.ExampleCount);
        Assert.Equal(2, SingleSite(report, FormatIssueKinds.UnrecognizedRole).Line);
        Assert.Equal(3, SingleSite(report, FormatIssueKinds.MissingContent).Line);
        Assert.Equal(4, SingleSite(report, FormatIssueKinds.InvalidUtf8).Line);
        Assert.Equal(6, SingleSite(report, FormatIssueKinds.TruncatedLastLine).Line);
        Assert.Equal(4, LineErrors(report).Count);
        Assert.Equal(4, report.Statistics.ExampleCount); // lines 1, 2, 3 and 5 hold a messages list
        Assert.Equal(2, report.ValidExampleCount);
    }

    [Fact]
    public async Task A_last_line_without_a_line_break_is_fine_when_complete()
    {
        var report = await InspectAsync(Lines.ValidFile(10) + Lines.Valid(11));

        Assert.Empty(report.Errors);
        Assert.Equal(11, report.ExampleCount);
    }

    [Fact]
    public async Task A_blank_line_is_a_data_type_error()
    {
        var report = await InspectAsync(Lines.Valid(1) + "\n\n" + Lines.Valid(2) + "\n");

        Assert.Equal(2, SingleSite(report, FormatIssueKinds.DataType).Line);
    }

    [Fact]
    public async Task Lines_longer_than_the_read_buffer_are_read_whole()
    {
        var longSql = "SELECT " + string.Join(",", Enumerable.Range(0, 30_000).Select(i => $"c{i}"));
        var line = $$"""{"messages":[{"role":"user","content":"{{longSql}}"},{"role":"assistant","content":"x"}]}""";

        var report = await InspectAsync(Lines.Valid(1) + "\n" + line + "\n" + Lines.Valid(3) + "\n");

        Assert.Empty(LineErrors(report));
        Assert.Equal(3, report.ExampleCount);
        Assert.True(report.Statistics.TotalTokensPerExample.Max > 30_000);
    }

    [Fact]
    public async Task A_missing_file_is_an_io_error_not_a_report()
    {
        await Assert.ThrowsAnyAsync<IOException>(() =>
            Inspector.InspectAsync("/nonexistent/dir/file.jsonl", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Many_issues_are_counted_exactly_while_only_the_first_sites_are_kept()
    {
        var bad = """{"messages":[{"role":"bot","content":"x"},{"role":"assistant","content":"a"}]}""";
        var content = string.Concat(Enumerable.Range(0, 5000).Select(i => bad.Replace("\"x\"", $"\"x{i}\"", StringComparison.Ordinal) + "\n"));

        var report = await InspectAsync(content);

        var issue = Assert.Single(LineErrors(report));
        Assert.Equal(5000, issue.Count);
        Assert.Equal(1, issue.Sites[0].Line);
        Assert.True(issue.Sites.Count <= 100);
    }
}
