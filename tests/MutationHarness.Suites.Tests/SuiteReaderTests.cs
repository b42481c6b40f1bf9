using MutationHarness.Core.Verdicts;

namespace MutationHarness.Suites.Tests;

public sealed class SuiteReaderTests
{
    [Fact]
    public void Every_form_of_an_expectation_is_read_with_its_server_range_reason_and_link()
    {
        // Given a suite with the short form, the long form, a list of rules and a version range
        var suite = Runs.Suite("""
            name: demo
            inputs: [pairs.jsonl, 'more/*.jsonl']
            targets: [local:mariadb, container:mysql]
            run: { timeout: 5, reruns: 2, databases: 3 }
            expect:
              default: verified
              pairs:
                a: relation-violated
                b: relation-violated on mariadb >=10.5 <12
                c:
                  verdict: not-executable
                  reason: uses a MySQL-only function
                  link: https://example.org/bug/1
                d:
                  - verdict: relation-violated
                    on: mariadb <10.6
                    link: https://jira.mariadb.org/browse/MDEV-1
                  - unstable on mysql
                  - verified
            """, out var path);

        // Then every part is there
        Assert.Equal("demo", suite.Name);
        Assert.Equal(["pairs.jsonl", "more/*.jsonl"], suite.Inputs);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(path)!, "pairs.jsonl"), suite.ResolvedInputs[0]);
        Assert.Equal(["local:mariadb", "container:mysql"], suite.Targets);
        Assert.Equal(new SuiteRunOptions(5, 2, 3, null), suite.Run);
        var pairs = suite.Expectations.Pairs;
        Assert.Equal(Verdict.RelationViolated, Assert.Single(pairs["a"]).Verdict);
        Assert.Equal("mariadb >=10.5 <12", pairs["b"][0].On!.ToString());
        Assert.Equal(("uses a MySQL-only function", "https://example.org/bug/1"), (pairs["c"][0].Reason, pairs["c"][0].Link));
        Assert.Equal(["relation-violated on mariadb <10.6", "unstable on mysql", "verified"], pairs["d"].Select(r => r.ShortForm));

        // And each rule applies where it says
        Assert.Equal(Verdict.RelationViolated, suite.Expectations.VerdictFor("d", Runs.MariaDb105));
        Assert.Equal(Verdict.Verified, suite.Expectations.VerdictFor("d", Runs.MariaDb1011));
        Assert.Equal(Verdict.Unstable, suite.Expectations.VerdictFor("d", Runs.MySql80));
        Assert.Equal(Verdict.RelationViolated, suite.Expectations.VerdictFor("b", Runs.MariaDb1011));
        Assert.Equal(Verdict.Verified, suite.Expectations.VerdictFor("b", Runs.MySql80));
        Assert.Equal(Verdict.Verified, suite.Expectations.VerdictFor("unnamed", Runs.MySql80));
    }

    [Theory]
    [InlineData("inputs: [p.jsonl]\nexpect:\n  pairs:\n    a: relation-violatd\n", ":4: 'relation-violatd' is not a verdict: write one of verified, rejected")]
    [InlineData("inputs: [p.jsonl]\nexpects:\n  default: verified\n", ":2: unknown key 'expects' here: the keys are name, description, inputs, targets, run, expect")]
    [InlineData("name: x\n", "the suite names no inputs")]
    [InlineData("inputs: [p.jsonl]\nexpect:\n  pairs:\n    a: verified on mariadb >10.x\n", ":4: '>10.x' is not a version bound")]
    [InlineData("inputs: [p.jsonl]\nrun:\n  timeout: soon\n", ":3: 'timeout' must be a number")]
    [InlineData("inputs: [p.jsonl\n", "not valid YAML")]
    [InlineData("inputs: [p.jsonl]\nexpect:\n  pairs:\n    a: verified\n    a: rejected\n", "not valid YAML")]
    [InlineData("inputs: [p.jsonl]\nexpect:\n  pairs:\n    a:\n      reason: forgot the verdict\n", ":5: a rule needs 'verdict'")]
    public void A_mistake_names_the_file_the_line_and_what_to_write(string yaml, string message)
    {
        var error = Assert.Throws<SuiteException>(() => Runs.Suite(yaml, out _));

        Assert.Contains("suite.yaml", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_suite_nested_thousands_deep_is_refused_with_its_line_instead_of_ending_the_process()
    {
        // Given a suite whose description is a list nested 100,000 deep (YamlDotNet's node tree recursed until the stack overflowed)
        var deep = "name: x\ninputs: [p.jsonl]\ndescription: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        // When it is read, Then it is refused, naming the file, the line and the limit
        var error = Assert.Throws<SuiteException>(() => Runs.Suite(deep, out _));
        Assert.Contains("suite.yaml:3: nested more than 64 deep", error.Message, StringComparison.Ordinal);

        // And its twin under the limit is read as usual
        var shallow = "name: x\ninputs: [p.jsonl]\ndescription: " + new string('[', 60) + new string(']', 60) + "\n";
        Assert.Equal("x", Runs.Suite(shallow).Name);
    }

    [Theory]
    [InlineData("mariadb >=10.5 <12", "10.11.19-MariaDB", true)]
    [InlineData("mariadb >=10.5 <12", "12.0.1-MariaDB", false)]
    [InlineData("mariadb <=10.11", "10.11.19-MariaDB", true)]
    [InlineData("mariadb >10.11", "10.11.19-MariaDB", false)]
    [InlineData("mariadb =10.5", "10.5.26-MariaDB", true)]
    [InlineData("mariadb <10.6", "10.11.0", false)]
    [InlineData("mysql", "10.11.19-MariaDB", false)]
    [InlineData("local:mariadb", "10.11.19-MariaDB", true)]
    public void A_version_bound_compares_as_many_parts_as_it_names(string selector, string version, bool matches)
    {
        var server = new ServerIdentity("local:mariadb", "MariaDb", version);

        Assert.Equal(matches, ServerSelector.Parse(selector).Matches(server));
    }

    [Fact]
    public void TiDB_is_matched_on_its_own_version_not_the_MySQL_one_it_reports_first()
    {
        var tidb = new ServerIdentity("container:tidb", "TiDb", "8.0.11-TiDB-v7.5.4");

        Assert.True(ServerSelector.Parse("tidb >=7.5 <8").Matches(tidb));
    }
}
