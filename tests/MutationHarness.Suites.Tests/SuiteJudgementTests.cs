using MutationHarness.Core.Verdicts;

namespace MutationHarness.Suites.Tests;

public sealed class SuiteJudgementTests
{
    private const string Yaml = """
        name: bugs
        inputs: [p.jsonl]
        expect:
          pairs:
            bug-1:
              verdict: relation-violated
              link: https://jira.mariadb.org/browse/MDEV-30249
            bug-2: relation-violated on mariadb <10.6
        """;

    [Fact]
    public void A_known_bug_that_still_reproduces_passes_and_is_reported_as_known()
    {
        // Given a pinned bug that still breaks, and a pair that verifies as the default expects
        var suite = Runs.Suite(Yaml);
        var servers = new[] { Runs.MariaDb1011 };

        // When the run is judged
        var judgement = Runs.Judge(suite, servers,
            Runs.Report("bug-1", servers, Verdict.RelationViolated),
            Runs.Report("bug-2", servers, Verdict.Verified));

        // Then every expectation held, and the bug is named as still reproducing, with its link
        Assert.True(judgement.AllHeld);
        var known = Assert.Single(judgement.Cases, c => c.Known);
        Assert.Equal("known relation-violated still reproduces (https://jira.mariadb.org/browse/MDEV-30249)", known.Summary);
        Assert.Contains("known, still reproducing: bug-1", SuiteReports.Text(judgement), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fixed_bug_a_new_violation_and_a_vanished_pair_each_fail_naming_the_pair_with_old_and_new_verdict()
    {
        // Given the same suite on two servers, where bug-1 got fixed on 10.11, bug-2 broke on 10.11 and a pair is new
        var suite = Runs.Suite(Yaml);
        var servers = new[] { Runs.MariaDb105, Runs.MariaDb1011 };

        // When the run is judged (bug-2 is not in the inputs any more on purpose in the second judgement)
        var judgement = Runs.Judge(suite, servers,
            Runs.Report("bug-1", servers, Verdict.RelationViolated, Verdict.Verified),
            Runs.Report("bug-2", servers, Verdict.RelationViolated, Verdict.RelationViolated));
        var vanished = Runs.Judge(suite, [Runs.MariaDb1011], Runs.Report("bug-1", [Runs.MariaDb1011], Verdict.RelationViolated));

        // Then the changes fail, each naming the pair, the server, the old and the new verdict
        Assert.False(judgement.AllHeld);
        var changed = judgement.Cases.Where(c => !c.Held).Select(c => $"{c.Name(true)}: {c.Summary}").ToList();
        Assert.Equal([
            "bug-1 on local:mariadb: expected relation-violated (https://jira.mariadb.org/browse/MDEV-30249), got verified",
            "bug-2 on local:mariadb: expected verified, got relation-violated",
        ], changed);
        Assert.Contains("CHANGED bug-1 on local:mariadb", SuiteReports.Text(judgement), StringComparison.Ordinal);
        var missing = Assert.Single(vanished.Cases, c => !c.Held);
        Assert.Equal(("bug-2", "expected relation-violated, but no input record has this id any more"), (missing.Id, missing.Summary));
    }

    [Fact]
    public async Task JUnit_has_a_case_per_pair_and_server_failing_only_where_the_verdict_changed()
    {
        var suite = Runs.Suite(Yaml);
        var servers = new[] { Runs.MariaDb105, Runs.MariaDb1011 };
        var judgement = Runs.Judge(suite, servers,
            Runs.Report("bug-1", servers, Verdict.RelationViolated, Verdict.RelationViolated),
            Runs.Report("bug-2", servers, Verdict.RelationViolated, Verdict.RelationViolated));

        using var output = new MemoryStream();
        await SuiteReports.WriteJUnitAsync(judgement, output, TestContext.Current.CancellationToken);
        var xml = System.Xml.Linq.XDocument.Parse(System.Text.Encoding.UTF8.GetString(output.ToArray()));

        Assert.Equal("4", xml.Root!.Attribute("tests")!.Value);
        Assert.Equal("1", xml.Root.Attribute("failures")!.Value);
        var failure = Assert.Single(xml.Descendants("failure"));
        Assert.Equal("verified -> relation-violated", failure.Attribute("type")!.Value);
        Assert.Equal("bug-2", failure.Parent!.Attribute("name")!.Value);
        Assert.Equal("bugs on local:mariadb", failure.Parent.Parent!.Attribute("name")!.Value);
        Assert.Equal(3, xml.Descendants("system-out").Count(e => e.Value.StartsWith("known relation-violated", StringComparison.Ordinal)));
    }
}
