using System.Diagnostics;
using MutationHarness.Tests;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests.Durable;

/// <summary>Every command that writes files writes through what the user named (issue 9, item 6): a symlink is followed
/// and stays a link, a FIFO is written through and stays a FIFO, <c>/dev/stdout</c> is standard output, and nothing else
/// appears beside them.</summary>
public sealed class OutputAttackTests
{
    private const string Plain = """{"id":"plain","strategy":"FixMDistinctU","original":"SELECT DISTINCT `col_char(20)_undef_signed` FROM `table_7_utf8_undef`","mutated":"SELECT `col_char(20)_undef_signed` FROM `table_7_utf8_undef`"}""";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private readonly string _folder = Directory.CreateTempSubdirectory("mh-attack-").FullName;

    [Fact]
    public async Task Verify_writes_report_junit_markdown_and_bundles_through_links_fifos_and_dev_stdout()
    {
        ServerAvailability.RequireMariaDb();
        // mariadb-13 breaks its relation on 10.11: a logic-bug candidate, so a bundle is written
        var pairs = await PairsAsync(Plain, File.ReadLines(SharedPaths.Corpus).Single(l => l.Contains("\"mariadb-13\"", StringComparison.Ordinal)));
        var report = Link("report.jsonl");
        var bundles = Path.Combine(_folder, "bundles-link");
        Directory.CreateSymbolicLink(bundles, Directory.CreateDirectory(Path.Combine(_folder, "bundles-real")).FullName);
        var junit = Fifo("junit.xml");

        var (exit, output, error) = await CliTests.RunAsync("", "verify", pairs, "--out", report, "--junit", junit.Path, "--markdown", "/dev/stdout", "--bundles", bundles);

        Assert.True(exit == 1, error);
        Assert.Equal(2, KeptLink(report).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("<testsuites", await junit.ReadAsync(), StringComparison.Ordinal);
        Assert.Contains("# harness verify:", output, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_folder, "bundles-real"), new DirectoryInfo(bundles).LinkTarget);
        Assert.Single(Directory.GetDirectories(Path.Combine(_folder, "bundles-real")));

        // And the other way round: JUnit through a symlink, Markdown through a FIFO
        var junitLink = Link("junit-link.xml");
        var markdown = Fifo("markdown.md");
        (exit, _, error) = await CliTests.RunAsync("", "verify", pairs, "--junit", junitLink, "--markdown", markdown.Path);
        Assert.True(exit == 1, error);
        Assert.Contains("<testsuites", KeptLink(junitLink), StringComparison.Ordinal);
        Assert.Contains("mariadb-13", await markdown.ReadAsync(), StringComparison.Ordinal);
        AssertNothingElse("pairs.jsonl", "bundles-link", "bundles-real");
    }

    [Theory]
    [InlineData("--out")]
    [InlineData("--junit")]
    [InlineData("--markdown")]
    public async Task A_verify_output_on_a_full_disk_is_a_clear_error_with_exit_2_and_the_same_output_on_a_file_works(string option)
    {
        ServerAvailability.RequireMariaDb();
        var pairs = await PairsAsync(Plain);

        // When the output is /dev/full, where every write fails with "No space left on device"
        var (exit, output, error) = await CliTests.RunAsync("", "verify", pairs, option, "/dev/full");

        // Then the run ends with a message naming the failed write and exit 2, not a stack trace and exit 1 (failed pairs)
        Assert.True(exit == 2, $"exit {exit}: {error}");
        Assert.Contains("No space left on device", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

        // And its twin: the same output on a regular file is written and the pair verifies
        var file = Path.Combine(_folder, "output" + option);
        (exit, output, error) = await CliTests.RunAsync("", "verify", pairs, option, file);
        Assert.True(exit == 0, output + error);
        Assert.True(new FileInfo(file).Length > 0);
    }

    [Fact]
    public async Task A_report_over_its_own_input_is_refused_and_the_input_is_kept()
    {
        ServerAvailability.RequireMariaDb();
        var pairs = await PairsAsync(Plain);
        var link = Path.Combine(_folder, "pairs-link.jsonl");
        File.CreateSymbolicLink(link, pairs);

        // When the report is to be written over the pairs file, by its name or through a link to it
        foreach (var output in new[] { pairs, link })
        {
            var (exit, _, error) = await CliTests.RunAsync("", "verify", pairs, "--out", output);

            // Then it is refused with exit 2, saying so, and the pairs are still there (it was emptied before it was read)
            Assert.True(exit == 2, error);
            Assert.Contains("is also an input", error, StringComparison.Ordinal);
            Assert.Equal(Plain, (await File.ReadAllTextAsync(pairs, Token)).Trim());
        }

        // And its twin: a report beside the pairs is written, the pairs untouched
        var report = Path.Combine(_folder, "report.jsonl");
        var (twinExit, _, twinError) = await CliTests.RunAsync("", "verify", pairs, "--out", report);
        Assert.True(twinExit == 0, twinError);
        Assert.Single(File.ReadAllLines(report));
        Assert.Equal(Plain, (await File.ReadAllTextAsync(pairs, Token)).Trim());
    }

    [Fact]
    public async Task Suite_run_writes_junit_and_markdown_through_links_fifos_and_dev_stdout()
    {
        ServerAvailability.RequireMariaDb();
        var suite = RepositoryFiles.Path("fixtures", "suites", "bug-reports.yaml");
        var junit = Fifo("suite.xml");
        var markdown = Link("suite.md");

        var (exit, output, error) = await CliTests.RunAsync("", "suite", "run", suite, "--junit", junit.Path, "--markdown", markdown);

        Assert.True(exit == 0, output + error);
        Assert.Contains("<testsuite", await junit.ReadAsync(), StringComparison.Ordinal);
        Assert.Contains("mariadb-13", KeptLink(markdown), StringComparison.Ordinal);

        // And the JUnit file as standard output
        (exit, output, error) = await CliTests.RunAsync("", "suite", "run", suite, "--junit", "/dev/stdout");
        Assert.True(exit == 0, output + error);
        Assert.Contains("<testsuite", output, StringComparison.Ordinal);
        AssertNothingElse();
    }

    [Fact]
    public async Task Clean_eval_generate_and_minimise_write_through_links_fifos_and_dev_stdout()
    {
        ServerAvailability.RequireMariaDb();
        var fixtures = Path.Combine(RepositoryRoot.Path, "fixtures", "eval");

        // clean: a dataset folder given as a symlink is filled where it points, the link kept
        var dataset = Path.Combine(_folder, "dataset-link");
        Directory.CreateSymbolicLink(dataset, Directory.CreateDirectory(Path.Combine(_folder, "dataset-real")).FullName);
        var (exit, _, error) = await CliTests.RunAsync("", "clean", await PairsAsync(Plain), "--out-dir", dataset);
        Assert.True(exit == 0, error);
        Assert.Equal(Path.Combine(_folder, "dataset-real"), new DirectoryInfo(dataset).LinkTarget);
        Assert.True(File.Exists(Path.Combine(_folder, "dataset-real", "manifest.json")));

        // eval: scorecard through a symlink, JUnit through a FIFO, Markdown to /dev/stdout
        var scorecard = Link("scorecard.json");
        var junit = Fifo("eval.xml");
        (exit, var output, error) = await CliTests.RunAsync("", "eval", "--test", Path.Combine(fixtures, "test.jsonl"), "--outputs", Path.Combine(fixtures, "outputs.jsonl"),
            "--out", scorecard, "--junit", junit.Path, "--markdown", "/dev/stdout");
        Assert.True(exit is 0 or 1, error);
        Assert.StartsWith("{", KeptLink(scorecard).TrimStart(), StringComparison.Ordinal);
        Assert.Contains("<testsuite", await junit.ReadAsync(), StringComparison.Ordinal);
        Assert.Contains("## Evaluation:", output, StringComparison.Ordinal);

        // generate: pairs through a FIFO
        var generated = Fifo("generated.jsonl");
        (exit, _, error) = await CliTests.RunAsync("", "generate", "--per-strategy", "1", "--strategies", "FixMWhere1U", "--out", generated.Path);
        Assert.True(exit == 0, error);
        Assert.Contains("FixMWhere1U", await generated.ReadAsync(), StringComparison.Ordinal);

        // minimise: the minimised pair through a symlink
        var minimised = Link("minimised.jsonl");
        (exit, _, error) = await CliTests.RunAsync("", "minimise", SharedPaths.Corpus, "--id", "mariadb-13", "--out", minimised);
        Assert.True(exit == 0, error);
        Assert.Contains("mariadb-13", KeptLink(minimised), StringComparison.Ordinal);
        AssertNothingElse("pairs.jsonl", "dataset-link", "dataset-real");
    }

    [Fact]
    public async Task Mutate_and_merge_write_through_links_fifos_and_dev_stdout()
    {
        var seeds = Path.Combine(_folder, "seeds.txt");
        await File.WriteAllTextAsync(seeds, "SELECT a FROM t WHERE a > 1\n", Token);
        var reports = await PairsAsync("""{"index":1,"id":"a","verdict":"verified"}""");
        foreach (var (command, given) in new[] { ("mutate", new[] { "mutate", "--seeds", seeds, "--strategy", "FixMWhere1U" }), ("merge", new[] { "merge", reports }) })
        {
            var link = Link($"{command}-link.jsonl");
            var (exit, _, error) = await CliTests.RunAsync("", [.. given, "--out", link]);
            Assert.True(exit is 0, $"{command}: {error}");
            Assert.NotEmpty(KeptLink(link));

            var fifo = Fifo($"{command}.fifo");
            (exit, _, error) = await CliTests.RunAsync("", [.. given, "--out", fifo.Path]);
            Assert.True(exit is 0, $"{command}: {error}");
            Assert.NotEmpty(await fifo.ReadAsync());

            foreach (var standardOutput in new[] { "/dev/stdout", "-" })
            {
                (exit, var output, error) = await CliTests.RunAsync("", [.. given, "--out", standardOutput]);
                Assert.True(exit is 0, $"{command}: {error}");
                Assert.Contains("\"id\"", output, StringComparison.Ordinal);
            }
        }
        AssertNothingElse("seeds.txt", "pairs.jsonl");
    }

    private async Task<string> PairsAsync(params string[] lines)
    {
        var path = Path.Combine(_folder, "pairs.jsonl");
        await File.WriteAllLinesAsync(path, lines, Token);
        return path;
    }

    // A symlink NAME pointing at real-NAME, which does not exist yet.
    private string Link(string name)
    {
        var link = Path.Combine(_folder, name);
        File.CreateSymbolicLink(link, Path.Combine(_folder, "real-" + name));
        return link;
    }

    // The link still points where it did, and what was written is in the file it points at.
    private string KeptLink(string link)
    {
        var target = Path.Combine(_folder, "real-" + Path.GetFileName(link));
        Assert.Equal(target, new FileInfo(link).LinkTarget);
        return File.ReadAllText(target);
    }

    private FifoOutput Fifo(string name) => new(Path.Combine(_folder, name));

    // Only the inputs, the links, the FIFOs and the links' targets: no temporary file, no file put in a FIFO's place.
    private void AssertNothingElse(params string[] inputs)
    {
        foreach (var entry in Directory.GetFileSystemEntries(_folder))
        {
            var name = Path.GetFileName(entry);
            var info = new FileInfo(entry);
            Assert.True(inputs.Contains(name) || info.LinkTarget is not null || name.StartsWith("real-", StringComparison.Ordinal) || Fifos.IsFifo(entry),
                $"{name} was left beside the outputs");
        }
    }

    private sealed class FifoOutput
    {
        private readonly Task<string> _reader;

        public FifoOutput(string path)
        {
            Path = path;
            using (var mkfifo = Process.Start("mkfifo", path)) mkfifo.WaitForExit();
            _reader = Task.Run(() => File.ReadAllTextAsync(path, Token));
        }

        public string Path { get; }

        /// <summary>What was written through the FIFO; fails when nothing opened it (it was replaced, or skipped).</summary>
        public async Task<string> ReadAsync()
        {
            if (await Task.WhenAny(_reader, Task.Delay(TimeSpan.FromSeconds(5), Token)) != _reader)
            {
                // Release the waiting reader, then fail: the command never wrote through the FIFO.
                if (Fifos.IsFifo(Path))
                    await File.WriteAllTextAsync(Path, "", Token);
                Assert.Fail($"nothing was written through the FIFO {Path} (still a FIFO: {Fifos.IsFifo(Path)})");
            }
            Assert.True(Fifos.IsFifo(Path), $"{Path} is no longer a FIFO");
            return await _reader;
        }
    }

    private static class Fifos
    {
        public static bool IsFifo(string path)
        {
            using var test = Process.Start("test", ["-p", path]);
            test.WaitForExit();
            return test.ExitCode == 0;
        }
    }
}
