using System.Text.Json;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests;

/// <summary>The built <c>harness</c>: <c>servers</c>, <c>minimise</c> and <c>verify --bundles --minimise</c>, as a user runs them.</summary>
public sealed class ServersCliTests
{
    [Fact]
    public async Task Servers_list_shows_every_known_version_and_a_version_no_Debian_suite_carries_exits_3_saying_where_else()
    {
        var (exit, output, _) = await CliTests.RunAsync("", "servers", "list", "--json");
        var (installExit, _, installError) = await CliTests.RunAsync("", "servers", "install", "10.6");
        var (unknownExit, _, unknownError) = await CliTests.RunAsync("", "servers", "install", "10.7");

        Assert.Equal(0, exit);
        var versions = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(v => v.GetProperty("target").GetString()!);
        Assert.Equal(["local:mariadb:10.5", "local:mariadb:10.6", "local:mariadb:10.11", "local:mariadb:11.4", "local:mariadb:11.8"], versions.Keys);
        Assert.False(versions["local:mariadb:10.6"].GetProperty("available").GetBoolean());
        Assert.Equal("bullseye", versions["local:mariadb:10.5"].GetProperty("suite").GetString());
        Assert.Equal(3, installExit);
        Assert.Contains("container:mariadb:10.6", installError, StringComparison.Ordinal);
        Assert.Equal(2, unknownExit);
        Assert.Contains("known: 10.5, 10.6, 10.11, 11.4, 11.8", unknownError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Minimise_writes_a_smaller_pair_that_verify_still_reports_as_violated()
    {
        ServerAvailability.RequireMariaDb();
        // Given tidb-11 with a conjunct of noise
        var folder = Directory.CreateTempSubdirectory("mh-min").FullName;
        var input = Path.Combine(folder, "bug.jsonl");
        await File.WriteAllTextAsync(input, """
            {"id":"noisy","strategy":"FixMCmpOpU","setup":["CREATE TABLE t (c1 CHAR(20))","INSERT INTO t VALUES ('1'),('w')"],"original":"SELECT 1 FROM (SELECT 1 AS f1 FROM t) AS t1 WHERE (!f1)=ANY (SELECT c1 FROM t) AND 2 > 1","mutated":"SELECT 1 FROM (SELECT 1 AS f1 FROM t) AS t1 WHERE (!f1)>=ANY (SELECT c1 FROM t) AND 2 > 1"}
            """, TestContext.Current.CancellationToken);
        var small = Path.Combine(folder, "small.jsonl");

        // When it is minimised, then the result verified
        var (exit, output, error) = await CliTests.RunAsync("", "minimise", input, "--out", small);
        var (verifyExit, _, _) = await CliTests.RunAsync("", "verify", small, "--out", Path.Combine(folder, "report.jsonl"));

        // Then the conjunct is gone and the smaller pair still violates
        Assert.True(exit == 0, error);
        Assert.Contains("kept: drop the conjunct 2 > 1", error, StringComparison.Ordinal);
        Assert.Contains("(!f1)>=ANY (SELECT c1 FROM t)\n", output, StringComparison.Ordinal);
        var pair = JsonDocument.Parse(await File.ReadAllTextAsync(small, TestContext.Current.CancellationToken)).RootElement;
        Assert.DoesNotContain("2 > 1", pair.GetProperty("original").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, verifyExit);
        var report = JsonDocument.Parse(File.ReadAllLines(Path.Combine(folder, "report.jsonl")).Single()).RootElement;
        Assert.Equal("relation-violated", report.GetProperty("verdict").GetString());
        Assert.Equal(["local:mariadb"], report.GetProperty("affected").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Verify_bundles_minimised_pairs_when_asked()
    {
        ServerAvailability.RequireMariaDb();
        var folder = Directory.CreateTempSubdirectory("mh-bundle-cli").FullName;
        var input = Path.Combine(folder, "pairs.jsonl");
        await File.WriteAllTextAsync(input, """
            {"id":"noisy","strategy":"FixMCmpOpU","setup":["CREATE TABLE t (c1 CHAR(20))","INSERT INTO t VALUES ('1'),('w')"],"original":"SELECT 1, 3 AS three FROM (SELECT 1 AS f1 FROM t) AS t1 WHERE (!f1)=ANY (SELECT c1 FROM t)","mutated":"SELECT 1, 3 AS three FROM (SELECT 1 AS f1 FROM t) AS t1 WHERE (!f1)>=ANY (SELECT c1 FROM t)"}
            """, TestContext.Current.CancellationToken);
        var bundles = Path.Combine(folder, "bugs");

        var (exit, _, error) = await CliTests.RunAsync("", "verify", input, "--bundles", bundles, "--minimise");

        Assert.True(exit == 1, error);
        Assert.Contains("bundles: 1 folder(s) for 1 logic-bug candidate(s)", error, StringComparison.Ordinal);
        var readme = await File.ReadAllTextAsync(Path.Combine(Directory.EnumerateDirectories(bundles).Single(), "README.md"), TestContext.Current.CancellationToken);
        Assert.Contains("## Minimised", readme, StringComparison.Ordinal);
        Assert.Contains("drop select item", readme, StringComparison.Ordinal);
    }
}
