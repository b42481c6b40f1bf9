using MutationHarness.Core.Verdicts;

namespace MutationHarness.Suites.Tests;

public sealed class SuiteRecorderTests
{
    [Fact]
    public void Recording_keeps_rules_that_hold_with_their_reasons_and_rewrites_only_what_changed()
    {
        // Given a suite with comments, a pinned bug with a link, a range rule, and a stale pair
        var suite = Runs.Suite("""
            # why this suite exists
            name: bugs
            inputs: [p.jsonl]

            expect:
              default: verified
              pairs:
                bug-1:
                  verdict: relation-violated
                  link: https://jira.mariadb.org/browse/MDEV-30249
                bug-2:
                  - relation-violated on mariadb <10.6
                  - verified
                gone: rejected
            # trailing notes stay
            targets: [local:mariadb]
            """, out var path);
        var servers = new[] { Runs.MariaDb105, Runs.MariaDb1011 };

        // When a run shows bug-1 still broken everywhere, bug-2 now broken on 10.11 too, and a new violation
        var judgement = Runs.Judge(suite, servers,
            Runs.Report("bug-1", servers, Verdict.RelationViolated, Verdict.RelationViolated),
            Runs.Report("bug-2", servers, Verdict.RelationViolated, Verdict.RelationViolated),
            Runs.Report("new-1", servers, Verdict.Verified, Verdict.Unstable));
        var (expectations, changes) = SuiteRecorder.Record(judgement);
        var text = SuiteFileWriter.Update(File.ReadAllText(path), expectations, judgement.Observed.Select(o => o.Id));
        File.WriteAllText(path, text);

        // Then the diff names each change, and the file keeps its comments and the rules that held
        Assert.Equal([
            "~ bug-2: relation-violated on mariadb <10.6; verified → relation-violated on mariadb <10.6; relation-violated",
            "+ new-1: unstable on mariadb =10.11",
            "- gone: rejected (no input record has this id any more)",
        ], changes.Select(c => c.ToString()));
        Assert.StartsWith("# why this suite exists\nname: bugs\ninputs: [p.jsonl]\n\nexpect:\n", text, StringComparison.Ordinal);
        Assert.EndsWith("# trailing notes stay\ntargets: [local:mariadb]", text, StringComparison.Ordinal);
        Assert.Contains("link: https://jira.mariadb.org/browse/MDEV-30249", text, StringComparison.Ordinal);

        // And read back, the recorded file expects exactly what the run showed, so recording again changes nothing
        var again = Runs.Judge(SuiteReader.Read(path), servers,
            Runs.Report("bug-1", servers, Verdict.RelationViolated, Verdict.RelationViolated),
            Runs.Report("bug-2", servers, Verdict.RelationViolated, Verdict.RelationViolated),
            Runs.Report("new-1", servers, Verdict.Verified, Verdict.Unstable));
        Assert.True(again.AllHeld);
        Assert.Empty(SuiteRecorder.Record(again).Changes);
        Assert.Equal(text, SuiteFileWriter.Update(text, SuiteRecorder.Record(again).Expectations, again.Observed.Select(o => o.Id)));
    }

    [Fact]
    public void A_pair_whose_verdict_returns_to_the_default_loses_its_entry()
    {
        var suite = Runs.Suite("inputs: [p.jsonl]\nexpect:\n  pairs:\n    bug-1: relation-violated\n");
        var servers = new[] { Runs.MariaDb1011 };

        var (expectations, changes) = SuiteRecorder.Record(Runs.Judge(suite, servers, Runs.Report("bug-1", servers, Verdict.Verified)));

        Assert.Empty(expectations.Pairs);
        Assert.Equal("~ bug-1: relation-violated → verified (the default)", Assert.Single(changes).ToString());
    }
}
