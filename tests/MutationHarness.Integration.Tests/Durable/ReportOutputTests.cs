using System.Diagnostics;
using System.Text.Json;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests.Durable;

/// <summary>Where the report and the dataset go: standard output, through symlinks and FIFOs, and a dataset swapped in whole.</summary>
public sealed class ReportOutputTests(DurableCorpus corpus)
{
    private const string Pair = """{"id":"one","strategy":"FixMDistinctU","original":"SELECT DISTINCT `col_char(20)_undef_signed` FROM `table_7_utf8_undef`","mutated":"SELECT `col_char(20)_undef_signed` FROM `table_7_utf8_undef`"}""";

    private static string Scratch() => Directory.CreateTempSubdirectory("mh-out-").FullName;

    [Fact]
    public async Task Out_dash_writes_the_report_to_standard_output_and_the_summary_to_standard_error()
    {
        ServerAvailability.RequireMariaDb();
        var (exit, output, error) = await CliTests.RunAsync(Pair + "\n", "verify", "-", "--out", "-");

        Assert.True(exit == 0, error);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("verified", JsonDocument.Parse(line).RootElement.GetProperty("verdict").GetString());
        Assert.Contains("all", error, StringComparison.Ordinal);
        Assert.False(File.Exists("-"));
    }

    [Fact]
    public async Task A_report_through_a_symlink_keeps_the_link_and_a_fifo_is_written_through()
    {
        ServerAvailability.RequireMariaDb();
        var folder = Scratch();
        var pairs = Path.Combine(folder, "pairs.jsonl");
        await File.WriteAllTextAsync(pairs, Pair + "\n", TestContext.Current.CancellationToken);

        // A symlink is followed: the file it points to gets the report, the link stays a link
        var target = Path.Combine(folder, "real.jsonl");
        var link = Path.Combine(folder, "report.jsonl");
        File.CreateSymbolicLink(link, target);
        var (exit, _, error) = await CliTests.RunAsync("", "verify", pairs, "--out", link);
        Assert.True(exit == 0, error);
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        Assert.Single(File.ReadAllLines(target));

        // A FIFO is written through: a reader on it gets the report, and it is still a FIFO
        var fifo = Path.Combine(folder, "pipe");
        using (var mkfifo = Process.Start("mkfifo", fifo)) await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        var reader = Task.Run(() => File.ReadAllTextAsync(fifo, TestContext.Current.CancellationToken));
        (exit, _, error) = await CliTests.RunAsync("", "verify", pairs, "--out", fifo);
        Assert.True(exit == 0, error);
        Assert.Single((await reader).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["pairs.jsonl", "pipe", "real.jsonl", "report.jsonl"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName).Order());

        // A directory is refused before any server starts, and --resume needs a regular file
        (exit, _, error) = await CliTests.RunAsync("", "verify", pairs, "--out", folder);
        Assert.Equal(2, exit);
        Assert.Contains("is a directory", error, StringComparison.Ordinal);
        (exit, _, error) = await CliTests.RunAsync("", "verify", pairs, "--out", "-", "--resume");
        Assert.Equal(2, exit);
        Assert.Contains("regular file", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_from_a_finished_report_builds_the_dataset_clean_builds_from_the_pairs()
    {
        ServerAvailability.RequireMariaDb();
        var fromPairs = Path.Combine(Scratch(), "dataset");
        var fromReport = Path.Combine(Scratch(), "dataset");

        var (exit, _, error) = await CliTests.RunAsync("", "clean", corpus.Pairs, "--out-dir", fromPairs, "--validation-fraction", "0.2", "--jobs", "2");
        Assert.True(exit == 0, error);
        (exit, _, error) = await CliTests.RunAsync("", "clean", "--from-report", Path.Combine(corpus.Folder, "undisturbed.jsonl"), "--out-dir", fromReport, "--validation-fraction", "0.2");
        Assert.True(exit == 0, error);
        Assert.DoesNotContain("starting", error, StringComparison.Ordinal);

        foreach (var name in new[] { "train.jsonl", "validation.jsonl", "rejected.jsonl" })
            Assert.Equal(File.ReadAllLines(Path.Combine(fromPairs, name)), File.ReadAllLines(Path.Combine(fromReport, name)));
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(fromReport, "manifest.json"))).RootElement;
        // The provenance read back from the report is the one the run had: servers, versions, databases, label checks
        var direct = JsonDocument.Parse(File.ReadAllText(Path.Combine(fromPairs, "manifest.json"))).RootElement;
        Assert.Equal(direct.GetProperty("lines").GetRawText(), manifest.GetProperty("lines").GetRawText());
        Assert.Equal(direct.GetProperty("counts").GetRawText(), manifest.GetProperty("counts").GetRawText());
        Assert.All(manifest.GetProperty("lines").GetProperty("train").EnumerateArray(), line =>
            Assert.NotEmpty(Assert.Single(line.GetProperty("verifiedOn").EnumerateArray()).GetProperty("databases").EnumerateArray()));
        Assert.EndsWith("undisturbed.jsonl", manifest.GetProperty("settings").GetProperty("verification").GetProperty("fromReport").GetString(), StringComparison.Ordinal);
        Assert.Equal(corpus.Count, File.ReadLines(Path.Combine(fromReport, "train.jsonl")).Count()
            + File.ReadLines(Path.Combine(fromReport, "validation.jsonl")).Count() + File.ReadLines(Path.Combine(fromReport, "rejected.jsonl")).Count());

        // A dataset folder holding something else is refused before any work, and left as it was
        var mixed = Directory.CreateTempSubdirectory("mh-out-").FullName;
        await File.WriteAllTextAsync(Path.Combine(mixed, "notes.txt"), "mine", TestContext.Current.CancellationToken);
        (exit, _, error) = await CliTests.RunAsync("", "clean", corpus.Pairs, "--out-dir", mixed);
        Assert.Equal(2, exit);
        Assert.Contains("notes.txt", error, StringComparison.Ordinal);
        Assert.Equal(["notes.txt"], Directory.GetFileSystemEntries(mixed).Select(Path.GetFileName));
    }
}
