using System.Diagnostics;
using System.Text.Json;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests;

/// <summary>The built <c>harness</c> program, run as a user runs it.</summary>
public sealed class CliTests
{
    internal static Task<(int Exit, string Out, string Err)> RunAsync(string stdin, params string[] args) =>
        RunInAsync(Directory.GetCurrentDirectory(), stdin, args);

    /// <summary>Runs the CLI with <paramref name="workingDirectory"/> as its current directory (for relative paths as a README writes them).</summary>
    internal static async Task<(int Exit, string Out, string Err)> RunInAsync(string workingDirectory, string stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(SharedPaths.HarnessDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    private static string TempFile(string name, string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("cli").FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Verify_writes_one_report_line_per_record_in_order_and_exits_1_when_some_fail()
    {
        ServerAvailability.RequireMariaDb();
        // Given a file with a good pair, a hostile one, a broken line and a non-conforming pair
        var pairs = TempFile("pairs.jsonl", string.Join('\n',
            """{"id":"good","strategy":"FixMWhere1U","original":"SELECT pk FROM `table_3_utf8_undef` WHERE pk > 1","mutated":"SELECT pk FROM `table_3_utf8_undef` WHERE 1"}""",
            """{"id":"evil","strategy":"FixMWhere1U","original":"SELECT pk FROM `table_3_utf8_undef` WHERE pk > 1","mutated":"SELECT 1; DROP DATABASE mysql"}""",
            """{"id":"broken",""",
            """{"id":"wrong","strategy":"FixMWhere0L","original":"SELECT pk FROM `table_3_utf8_undef` WHERE pk > 1","mutated":"SELECT pk FROM `table_3_utf8_undef` WHERE 1"}"""));
        var report = Path.Combine(Path.GetDirectoryName(pairs)!, "report.jsonl");

        // When verify runs on it
        var (exit, output, error) = await RunAsync("", "verify", pairs, "--out", report, "--jobs", "2");

        // Then every record has its line, in input order, with its verdict
        Assert.True(exit == 1, error);
        var lines = File.ReadAllLines(report).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["good", "evil", "pairs.jsonl:3", "wrong"], lines.Select(l => l.GetProperty("id").GetString()));
        Assert.Equal(["verified", "rejected", "rejected", "non-conforming"], lines.Select(l => l.GetProperty("verdict").GetString()));
        Assert.Equal($"{pairs}:3", lines[2].GetProperty("source").GetString());
        Assert.Contains("MariaDb 10.11", lines[0].GetProperty("targets")[0].GetProperty("server").GetString(), StringComparison.Ordinal);
        Assert.Equal("+00:00", lines[0].GetProperty("targets")[0].GetProperty("session").GetProperty("timeZone").GetString());
        Assert.Contains("non-conforming", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_reads_standard_input_and_prints_a_json_summary_exiting_0_when_all_verify()
    {
        ServerAvailability.RequireMariaDb();
        var pair = """{"strategy":"FixMDistinctU","original":"SELECT DISTINCT `col_char(20)_undef_signed` FROM `table_7_utf8_undef`","mutated":"SELECT `col_char(20)_undef_signed` FROM `table_7_utf8_undef`"}""";

        var (exit, output, error) = await RunAsync(pair + "\n", "verify", "-", "--json", "--databases", "2");

        Assert.True(exit == 0, error);
        var summary = JsonDocument.Parse(output).RootElement;
        Assert.Equal(1, summary.GetProperty("total").GetInt32());
        Assert.Equal(1, summary.GetProperty("verdicts").GetProperty("verified").GetInt32());
    }

    [Fact]
    public async Task Bad_usage_and_missing_inputs_exit_2_with_a_message_naming_the_file()
    {
        var (exit, _, error) = await RunAsync("", "verify", "/nonexistent/pairs.jsonl");
        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/pairs.jsonl", error, StringComparison.Ordinal);

        (exit, _, error) = await RunAsync("", "verify", "x.jsonl", "--target", "nonsense:thing");
        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Check_and_mutate_work_without_a_server()
    {
        var (exit, output, _) = await RunAsync("", "check", "--strategy", "FixMCmpOpU",
            "SELECT a FROM t WHERE NOT (a > 0)", "SELECT a FROM t WHERE NOT (a >= 0)");
        Assert.Equal(0, exit);
        Assert.Contains("R(mutant) ⊆ R(original)", output, StringComparison.Ordinal);

        (exit, output, _) = await RunAsync("", "check", "--strategy", "FixMWhere1U", "SELECT a FROM t WHERE a > 0", "SELECT a FROM t WHERE 0");
        Assert.Equal(1, exit);
        Assert.Contains("FixMWhere0L", output, StringComparison.Ordinal);

        (exit, output, _) = await RunAsync("", "mutate", "SELECT DISTINCT a FROM t WHERE a > 1", "--json");
        Assert.Equal(0, exit);
        var strategies = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("strategy").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "FixMDistinctU", "FixMWhere1U", "FixMWhere0L", "FixMCmpOpU" }, strategies);
    }

    [Fact]
    public async Task Clean_turns_the_corpus_into_files_that_inspect_passes_and_the_counts_add_up()
    {
        ServerAvailability.RequireMariaDb();
        var outDir = Directory.CreateTempSubdirectory("dataset").FullName;

        // When the corpus is cleaned on the embedded MariaDB
        var (exit, output, error) = await RunAsync("", "clean", SharedPaths.Corpus, "--out-dir", outDir, "--instruction", "synthesize", "--validation-fraction", "0.2");

        // Then only verified pairs are emitted, every record is accounted for, and the manifest says how
        Assert.True(exit == 0, error);
        Assert.Contains("41 records", output, StringComparison.Ordinal);
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json"))).RootElement;
        var train = File.ReadAllLines(Path.Combine(outDir, "train.jsonl")).Length;
        var validation = File.ReadAllLines(Path.Combine(outDir, "validation.jsonl")).Length;
        var rejected = File.ReadAllLines(Path.Combine(outDir, "rejected.jsonl")).Length;
        Assert.Equal(41, train + validation + rejected);
        Assert.Equal(23, train + validation);
        Assert.Equal("verified", manifest.GetProperty("settings").GetProperty("emitPolicy").GetString());
        var byVerdict = manifest.GetProperty("droppedByPolicyPerVerdict");
        Assert.Equal((17, 1), (byVerdict.GetProperty("relation-violated").GetInt32(), byVerdict.GetProperty("rejected").GetInt32()));
        var rejectedLine = JsonDocument.Parse(File.ReadLines(Path.Combine(outDir, "rejected.jsonl")).First()).RootElement;
        Assert.False(string.IsNullOrEmpty(rejectedLine.GetProperty("original").GetString()));
        var withSetup = manifest.GetProperty("lines").GetProperty("train").EnumerateArray().First(l => l.TryGetProperty("setup", out _));
        Assert.Contains(withSetup.GetProperty("setup").EnumerateArray(), s => s.GetString()!.Contains("CREATE TABLE", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("MariaDb 10.11", manifest.GetProperty("settings").GetProperty("verification").GetProperty("targets").GetString(), StringComparison.Ordinal);
        var firstSystem = JsonDocument.Parse(File.ReadLines(Path.Combine(outDir, "train.jsonl")).First()).RootElement
            .GetProperty("messages")[0].GetProperty("content").GetString();
        Assert.StartsWith("You are an expert in ", firstSystem, StringComparison.Ordinal);
        Assert.Contains("Synthesize the mutated sql", firstSystem, StringComparison.Ordinal);

        // And inspect passes the train file
        (exit, output, error) = await RunAsync("", "inspect", Path.Combine(outDir, "train.jsonl"));
        Assert.True(exit == 0, error);
        Assert.Contains($"Num examples: {train}", output, StringComparison.Ordinal);
        Assert.Contains("No errors found", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clean_with_keep_violations_also_emits_the_conforming_pairs_whose_relation_broke()
    {
        ServerAvailability.RequireMariaDb();
        var outDir = Directory.CreateTempSubdirectory("dataset").FullName;

        var (exit, _, error) = await RunAsync("", "clean", SharedPaths.Corpus, "--out-dir", outDir, "--policy", "keep-violations");

        Assert.True(exit == 0, error);
        var emitted = File.ReadAllLines(Path.Combine(outDir, "train.jsonl")).Length + File.ReadAllLines(Path.Combine(outDir, "validation.jsonl")).Length;
        Assert.Equal(23 + 17, emitted);
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json"))).RootElement;
        Assert.Equal("keep-violations", manifest.GetProperty("settings").GetProperty("emitPolicy").GetString());
    }
}
