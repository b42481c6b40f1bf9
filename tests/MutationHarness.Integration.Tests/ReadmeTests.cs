using System.Text.Json;
using System.Text.RegularExpressions;
using MutationHarness.TestSupport;
using MutationHarness.Tests;

namespace MutationHarness.Integration.Tests;

/// <summary>The README's first command holds on a clone alone: what it and the tests read ships in the repository.</summary>
public sealed partial class ReadmeTests
{
    [GeneratedRegex("```sh\n(?<line>[^\n]*)\n")]
    private static partial Regex FirstShellLine();

    private static string[] FirstCommand()
    {
        var readme = File.ReadAllText(RepositoryFiles.Path("README.md"));
        var line = FirstShellLine().Match(readme).Groups["line"].Value;
        var command = line.Split('#')[0];
        return command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task The_first_command_verifies_the_shipped_corpus_and_exits_1_for_the_17_bugs_MariaDB_10_11_still_has()
    {
        ServerAvailability.RequireMariaDb();
        // Given the README's first command, which names a file inside the repository
        var command = FirstCommand();
        Assert.Equal(["./harness", "verify"], command[..2]);
        Assert.StartsWith("fixtures/", command[2], StringComparison.Ordinal);
        var input = RepositoryFiles.Path(command[2]);
        Assert.True(File.Exists(input), input);
        var report = Path.Combine(Directory.CreateTempSubdirectory("readme").FullName, "report.jsonl");
        var rest = command[3..].Select(a => a == "report.jsonl" ? report : a);

        // When it runs (the report going to a temporary folder)
        var (exit, _, error) = await CliTests.RunAsync("", ["verify", input, .. rest]);

        // Then it exits 1 because 17 of the 41 reports are real bugs that still break, as the README says
        Assert.True(exit == 1, error);
        var verdicts = File.ReadLines(report).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("verdict").GetString()).ToList();
        Assert.Equal(41, verdicts.Count);
        Assert.Equal(17, verdicts.Count(v => v == "relation-violated"));
        Assert.Equal(23, verdicts.Count(v => v == "verified"));
        Assert.Contains("17 of them still break", File.ReadAllText(RepositoryFiles.Path("README.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void No_source_test_or_document_reaches_outside_the_repository()
    {
        // Given every file a user or a test reads (split so this file does not match itself)
        var outside = ".." + "/shared";
        var files = new[] { "README.md", "harness", ".ci/run" }.Select(p => RepositoryFiles.Path(p))
            .Concat(new[] { "src", "tests", "docs", "fixtures", "samples" }
                .Select(p => RepositoryFiles.Path(p))
                .Where(Directory.Exists)
                .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
                .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                .Where(f => Path.GetExtension(f) is ".cs" or ".md" or ".csproj" or ".props" or ".yaml" or ".json"));

        // Then none of them names the folder that sat beside the repository
        Assert.All(files, f => Assert.DoesNotContain(outside, File.ReadAllText(f), StringComparison.Ordinal));
    }
}
