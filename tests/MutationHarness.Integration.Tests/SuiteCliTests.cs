using System.Xml.Linq;
using MutationHarness.TestSupport;
using MutationHarness.Tests;

namespace MutationHarness.Integration.Tests;

/// <summary><c>harness suite run|record</c> on the shipped bug-report suite, on the embedded MariaDB.</summary>
public sealed class SuiteCliTests
{
    private static string ShippedSuite => RepositoryFiles.Path("fixtures", "suites", "bug-reports.yaml");

    /// <summary>A copy of the shipped suite beside a copy of its corpus, so a test may change it.</summary>
    private static string CopyOfShippedSuite(Func<string, string> edit)
    {
        var root = Directory.CreateTempSubdirectory("suite").FullName;
        Directory.CreateDirectory(Path.Combine(root, "suites"));
        Directory.CreateDirectory(Path.Combine(root, "bug-reports"));
        File.Copy(RepositoryFiles.BugReports, Path.Combine(root, "bug-reports", "pinolo-bugreports.jsonl"));
        var suite = Path.Combine(root, "suites", "bug-reports.yaml");
        File.WriteAllText(suite, edit(File.ReadAllText(ShippedSuite)));
        return suite;
    }

    [Fact]
    public async Task The_shipped_suite_passes_with_its_17_known_bugs_and_writes_JUnit()
    {
        ServerAvailability.RequireMariaDb();
        var junit = Path.Combine(Directory.CreateTempSubdirectory("junit").FullName, "r.xml");

        // When the README's suite command runs
        var (exit, output, error) = await CliTests.RunAsync("", "suite", "run", ShippedSuite, "--junit", junit);

        // Then every expectation holds: 23 pairs verified, 17 known bugs and tidb-03 (rejected) as pinned
        Assert.True(exit == 0, output + error);
        Assert.Contains("41 held (23 verified, 18 known failures still reproducing), 0 changed", output, StringComparison.Ordinal);
        var xml = XDocument.Load(junit);
        Assert.Equal(("41", "0"), (xml.Root!.Attribute("tests")!.Value, xml.Root.Attribute("failures")!.Value));
        Assert.Equal(17, xml.Descendants("system-out").Count(e => e.Value.StartsWith("known relation-violated still reproduces", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_changed_expectation_fails_naming_the_pair_and_record_round_trips()
    {
        ServerAvailability.RequireMariaDb();
        // Given the suite with one pin removed (mariadb-01 still breaks) and one pin added (mysql-01 verifies)
        var suite = CopyOfShippedSuite(text => text
            .Replace("    mariadb-01:\n      verdict: relation-violated\n", "    mariadb-01:\n      verdict: verified\n", StringComparison.Ordinal)
            .Replace("  pairs:\n", "  pairs:\n    mysql-01: relation-violated\n", StringComparison.Ordinal));
        var markdown = Path.Combine(Path.GetDirectoryName(suite)!, "suite.md");

        // When it runs
        var (exit, output, error) = await CliTests.RunAsync("", "suite", "run", suite, "--markdown", markdown);

        // Then it fails, naming both pairs with their old and new verdicts
        Assert.True(exit == 1, output + error);
        Assert.Contains("2 changed", output, StringComparison.Ordinal);
        Assert.Contains("CHANGED mysql-01: expected relation-violated, got verified", output, StringComparison.Ordinal);
        Assert.Contains("CHANGED mariadb-01: expected verified", output, StringComparison.Ordinal);
        Assert.Contains("got relation-violated", output, StringComparison.Ordinal);
        Assert.Contains("| mysql-01 | relation-violated | verified |", File.ReadAllText(markdown), StringComparison.Ordinal);

        // When the new baseline is recorded, then run again
        var (recordExit, recorded, recordError) = await CliTests.RunAsync("", "suite", "record", suite);
        var (againExit, again, againError) = await CliTests.RunAsync("", "suite", "run", suite);

        // Then the diff showed both changes, the file kept its comments, and the suite passes again
        Assert.True(recordExit == 0, recorded + recordError);
        Assert.Contains("~ mysql-01: relation-violated → verified (the default)", recorded, StringComparison.Ordinal);
        Assert.Contains("~ mariadb-01: verified → relation-violated", recorded, StringComparison.Ordinal);
        Assert.StartsWith("# The 41 PINOLO bug reports", File.ReadAllText(suite), StringComparison.Ordinal);
        Assert.True(againExit == 0, again + againError);
    }

    [Fact]
    public async Task A_suite_with_a_mistake_exits_2_naming_the_line()
    {
        var suite = CopyOfShippedSuite(text => text.Replace("verdict: rejected", "verdict: rejectd", StringComparison.Ordinal));

        var (exit, _, error) = await CliTests.RunAsync("", "suite", "run", suite);

        Assert.Equal(2, exit);
        Assert.Matches(@"bug-reports\.yaml:\d+: 'rejectd' is not a verdict", error);
    }
}
