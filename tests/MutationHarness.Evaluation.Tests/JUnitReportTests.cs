using System.Xml.Linq;

namespace MutationHarness.Evaluation.Tests;

public sealed class JUnitReportTests
{
    [Fact]
    public async Task Each_example_is_a_test_case_and_a_failing_one_says_which_metrics_failed()
    {
        // Given a scorecard with a passing example, a failing one, and one that only missed exact match
        var card = Results.Card(
            Results.Example("ok"),
            Results.Example("bad", failing: [MetricNames.Conforms, MetricNames.Relation, MetricNames.NonTrivial]),
            Results.Example("different", "FixMWhere0L", MetricNames.Exact));

        // When written as JUnit XML
        using var buffer = new MemoryStream();
        await JUnitReport.WriteAsync(card, buffer, TestContext.Current.CancellationToken);
        var xml = XDocument.Parse(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));

        // Then there is one test case per example in suites per strategy × dbms, and only "bad" fails
        var root = xml.Root!;
        Assert.Equal(("testsuites", "3", "1"), (root.Name.LocalName, (string?)root.Attribute("tests"), (string?)root.Attribute("failures")));
        Assert.Equal(["eval.FixMWhere1U.mariadb", "eval.FixMWhere0L.mariadb"], root.Elements("testsuite").Select(s => (string?)s.Attribute("name")));
        var cases = root.Descendants("testcase").ToList();
        Assert.Equal(["ok", "bad", "different"], cases.Select(c => (string?)c.Attribute("name")));
        Assert.All(cases, c => Assert.NotNull(c.Attribute("classname")));
        var failure = Assert.Single(root.Descendants("failure"));
        Assert.Equal("bad", (string?)failure.Parent!.Attribute("name"));
        // Non-trivial is reported but does not gate by default, so it is not among the failed metrics.
        Assert.Equal("failed: conforms, relation", (string?)failure.Attribute("message"));
        Assert.Contains("conforms: scripted failure of bad", failure.Value);
    }

    [Fact]
    public async Task Control_characters_in_the_sql_still_make_well_formed_xml()
    {
        // Given an example whose SQL carries a control character XML 1.0 cannot hold
        var example = Results.Example("ctl", failing: MetricNames.Relation) with { Sql = "SELECT '\u0001\t3'" };

        // When written / Then the document parses
        using var buffer = new MemoryStream();
        await JUnitReport.WriteAsync(Results.Card(example), buffer, TestContext.Current.CancellationToken);
        Assert.Contains("\t3", XDocument.Parse(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).Descendants("system-out").Single().Value);
    }
}
