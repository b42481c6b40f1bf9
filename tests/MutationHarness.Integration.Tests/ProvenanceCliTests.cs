using System.Text.Json;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests;

/// <summary>clean on the bug-report corpus (labelled mysql, tidb, oceanbase, mariadb; run on MariaDB only) says what its labels claim.</summary>
public sealed class ProvenanceCliTests
{
    private static List<JsonElement> Lines(string manifest) =>
        new[] { "train", "validation" }.SelectMany(split => JsonDocument.Parse(File.ReadAllText(manifest)).RootElement.GetProperty("lines").GetProperty(split).EnumerateArray())
            .Select(l => l.Clone()).ToList();

    [Fact]
    public async Task Clean_states_the_label_mismatch_and_require_label_verified_drops_exactly_those_lines()
    {
        ServerAvailability.RequireMariaDb();
        var folder = Directory.CreateTempSubdirectory("provenance").FullName;

        // When the corpus is cleaned as it is
        var (exit, output, error) = await CliTests.RunAsync("", "clean", SharedPaths.Corpus, "--out-dir", Path.Combine(folder, "all"));
        Assert.True(exit == 0, error);

        // Then every emitted line records where it was verified, and each label it does not hold is a warning with its count
        var lines = Lines(Path.Combine(folder, "all", "manifest.json"));
        Assert.NotEmpty(lines);
        Assert.All(lines, l =>
        {
            var server = Assert.Single(l.GetProperty("verifiedOn").EnumerateArray());
            Assert.Equal("local:mariadb", server.GetProperty("target").GetString());
            Assert.Equal("MariaDb", server.GetProperty("flavor").GetString());
            Assert.StartsWith("10.11", server.GetProperty("serverVersion").GetString(), StringComparison.Ordinal);
            Assert.NotEmpty(server.GetProperty("databases").EnumerateArray());
            Assert.Equal(l.GetProperty("dbms").GetString() == "mariadb", l.GetProperty("labelVerified").GetBoolean());
        });
        var mismatched = lines.Where(l => !l.GetProperty("labelVerified").GetBoolean()).ToList();
        foreach (var label in mismatched.GroupBy(l => l.GetProperty("dbms").GetString()))
            Assert.Contains($"{label.Count()} pairs labelled {label.Key} were verified on MariaDB 10.11 only", output, StringComparison.Ordinal);

        // When it is cleaned again, keeping only lines verified on their label's dbms
        (exit, output, error) = await CliTests.RunAsync("", "clean", SharedPaths.Corpus, "--out-dir", Path.Combine(folder, "verified"), "--require-label-verified");
        Assert.True(exit == 0, error);

        // Then exactly the mismatched lines are gone, each in rejected.jsonl with its reason, and the rest stay
        var kept = Lines(Path.Combine(folder, "verified", "manifest.json")).Select(l => l.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal(lines.Where(l => l.GetProperty("labelVerified").GetBoolean()).Select(l => l.GetProperty("id").GetString()).Order(), kept);
        var dropped = File.ReadAllLines(Path.Combine(folder, "verified", "rejected.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.GetProperty("reason").GetString() == "label_not_verified").Select(r => r.GetProperty("id").GetString()).Order();
        Assert.Equal(mismatched.Select(l => l.GetProperty("id").GetString()).Order(), dropped);

        // And inspect --manifest prints the provenance beside the statistics
        (exit, output, _) = await CliTests.RunAsync("", "inspect", Path.Combine(folder, "all", "train.jsonl"), "--manifest");
        Assert.Contains("#### Provenance", output, StringComparison.Ordinal);
        Assert.Contains("lines are labelled with a dbms they were not verified on", output, StringComparison.Ordinal);
        Assert.Matches(@"FixMDistinctL\s+mysql\s+local:mariadb MariaDB 10\.11\.\S+\s+no\s+\d+", output);
    }
}
