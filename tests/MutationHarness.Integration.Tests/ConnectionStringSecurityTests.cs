using System.Text.Json;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests;

/// <summary>The CLI on a connection-string target, on a second MariaDB this class starts: passwords never printed
/// (issue 9, item 5), and setups refused where they cannot be isolated (item 4).</summary>
public sealed class ConnectionStringSecurityTests(SecondMariaDbFixture server) : IClassFixture<SecondMariaDbFixture>
{
    private const string Table = "`table_3_utf8_undef`";

    private static string PairsFile(params string[] lines)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("mh-sec").FullName, "pairs.jsonl");
        File.WriteAllText(path, string.Join('\n', lines));
        return path;
    }

    private static string Pair(string id, string? setup = null) =>
        setup is null
            ? $$"""{"id":"{{id}}","strategy":"FixMWhere1U","original":"SELECT pk FROM {{Table}} WHERE pk > 1","mutated":"SELECT pk FROM {{Table}} WHERE 1"}"""
            : $$"""{"id":"{{id}}","strategy":"FixMWhere1U","original":"SELECT c FROM t WHERE c > 1","mutated":"SELECT c FROM t WHERE 1","setup":[{{setup}}]}""";

    private const string OwnTable = "\"CREATE TABLE t (c INT)\",\"INSERT INTO t VALUES (1), (2)\"";

    [Fact]
    public async Task A_connection_strings_password_appears_in_no_output_of_any_command()
    {
        // Given an administrator account whose password is distinctive, and a wrong one that is just as distinctive
        const string password = "Pw_Distinct_7c1e9a";
        const string wrong = "Pw_Wrong_42bd0f";
        var target = await server.CreateAdminAsync(password);
        var folder = Path.GetDirectoryName(PairsFile())!;
        var pairs = PairsFile(Pair("plain"), Pair("broken-setup", "\"CREATE TABLE t (c INT)\",\"INSERT INTO nowhere VALUES (1)\""), Pair("own", OwnTable));
        var report = Path.Combine(folder, "report.jsonl");
        var dataset = Path.Combine(folder, "dataset");
        var scorecard = Path.Combine(folder, "scorecard.json");

        // When verify, clean and eval run on it, and verify on the wrong password
        var outputs = new List<string>();
        foreach (var args in new[]
                 {
                     new[] { "verify", pairs, "--target", target, "--out", report, "--jobs", "2", "--junit", Path.Combine(folder, "verify.xml"),
                         "--markdown", Path.Combine(folder, "verify.md"), "--bundles", Path.Combine(folder, "bundles") },
                     ["clean", pairs, "--target", target, "--out-dir", dataset],
                     ["eval", "--test", Path.Combine(RepositoryFixtures, "test.jsonl"), "--outputs", Path.Combine(RepositoryFixtures, "outputs.jsonl"),
                      "--target", target, "--out", scorecard, "--markdown", Path.Combine(folder, "eval.md"), "--junit", Path.Combine(folder, "eval.xml")],
                     ["verify", pairs, "--target", target.Replace(password, wrong, StringComparison.Ordinal)],
                     ["generate", "--per-strategy", "1", "--strategies", "FixMWhere1U", "--target", target, "--out", Path.Combine(folder, "generated.jsonl")],
                     ["minimise", pairs, "--id", "plain", "--target", target, "--out", Path.Combine(folder, "minimised.jsonl")],
                     // A password holding an unquoted ';' leaves a piece of it where the driver expects an option name
                     ["verify", pairs, "--target", target.Replace(password, "x;" + password, StringComparison.Ordinal)],
                 })
        {
            var (exit, output, error) = await CliTests.RunAsync("", args);
            outputs.Add($"exit {exit}\n{output}\n{error}");
        }
        outputs.AddRange(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(File.ReadAllText));

        // Then each ran (the wrong password could not log in, the pair does not break for minimise, the broken string is
        // refused), and neither password is anywhere: stderr, stdout, report, dataset, scorecard, JUnit, Markdown, pairs
        Assert.Contains("starting Server=", outputs[0], StringComparison.Ordinal);
        Assert.True(File.Exists(report) && File.Exists(Path.Combine(dataset, "manifest.json")) && File.Exists(scorecard), string.Join("\n", outputs));
        Assert.True(File.Exists(Path.Combine(folder, "verify.xml")) && File.Exists(Path.Combine(folder, "generated.jsonl")), string.Join("\n", outputs));
        Assert.StartsWith("exit 3", outputs[3], StringComparison.Ordinal);
        Assert.Contains("starting Server=", outputs[5], StringComparison.Ordinal);
        Assert.StartsWith("exit 2", outputs[6], StringComparison.Ordinal);
        Assert.All(outputs, text => Assert.DoesNotContain(password, text, StringComparison.OrdinalIgnoreCase));
        Assert.All(outputs, text => Assert.DoesNotContain(wrong, text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_account_that_cannot_create_users_has_setups_rejected_unless_the_user_allows_them()
    {
        // Given an account that may build databases but not create users, a database of the user's it may drop, and a
        // pair whose mutant hides a DROP DATABASE of it in an executable comment (the attack that ran, verdict verified)
        var limited = await server.CreateAccountAsync("Limited_pw_1", "GRANT ALL PRIVILEGES ON `mh\\_%`.* TO {0}", "GRANT ALL PRIVILEGES ON `mhs\\_%`.* TO {0}");
        await server.ExecuteAsync("CREATE DATABASE IF NOT EXISTS mh_victim");
        var hostile = $$"""{"id":"hostile","strategy":"FixMWhere1U","original":"SELECT pk FROM {{Table}} WHERE pk > 1","mutated":"SELECT pk FROM {{Table}} /*!50700 ' */ WHERE 1; DROP DATABASE mh_victim; SELECT pk -- ' */\nFROM {{Table}} WHERE 1"}""";
        var pairs = PairsFile(Pair("plain"), Pair("own", OwnTable), hostile);
        var report = Path.Combine(Path.GetDirectoryName(pairs)!, "report.jsonl");

        // When verify runs, and again allowing unisolated setups
        var (_, _, error) = await CliTests.RunAsync("", "verify", pairs, "--target", limited, "--out", report);
        var refused = Verdicts(report);
        var (_, _, _) = await CliTests.RunAsync("", "verify", pairs, "--target", limited, "--out", report, "--allow-unisolated-setup");
        var allowed = Verdicts(report);

        // Then the run says which protections are off, the setup record is rejected saying how to allow it, and allowed it runs
        Assert.Contains("cannot create users, so these protections are off", error, StringComparison.Ordinal);
        Assert.Equal("verified", refused["plain"].Verdict);
        Assert.Equal("rejected", refused["own"].Verdict);
        Assert.Contains("--allow-unisolated-setup", refused["own"].Reason, StringComparison.Ordinal);
        Assert.True(allowed["own"].Verdict == "verified", allowed["own"].Reason);
        Assert.Equal("rejected", refused["hostile"].Verdict);
        Assert.Equal("rejected", allowed["hostile"].Verdict);
        Assert.Contains("mh_victim", await server.ColumnAsync("SHOW DATABASES"));
    }

    private static string RepositoryFixtures
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "fixtures", "eval")))
                    return Path.Combine(dir.FullName, "fixtures", "eval");
            }
            throw new DirectoryNotFoundException("fixtures/eval not found above the test binaries");
        }
    }

    private static Dictionary<string, (string Verdict, string Reason)> Verdicts(string report) =>
        File.ReadAllLines(report).Select(line => JsonDocument.Parse(line).RootElement).ToDictionary(
            line => line.GetProperty("id").GetString()!,
            line => (line.GetProperty("verdict").GetString()!, line.TryGetProperty("reason", out var reason) ? reason.GetString() ?? "" : ""));
}
