using MutationHarness.Core.Pairs;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests;

public sealed class HostileRecordTests(VerifierFixture fixture)
{
    private const string Table = "`table_7_utf8_undef`";

    public static TheoryData<string, string> Hostile => new()
    {
        { "two statements", $"SELECT pk FROM {Table}; DROP TABLE {Table}" },
        { "DDL hidden in a version comment", $"SELECT pk FROM {Table} /*!50000 ; DROP TABLE {Table} */" },
        { "INTO OUTFILE", $"SELECT pk FROM {Table} INTO OUTFILE '/tmp/mh-pwned'" },
        { "INTO a variable inside a union", $"(SELECT pk FROM {Table}) UNION (SELECT 2 INTO @x)" },
        { "FOR UPDATE", $"SELECT pk FROM {Table} WHERE pk > 0 FOR UPDATE" },
        { "LOCK IN SHARE MODE", $"SELECT pk FROM {Table} LOCK IN SHARE MODE" },
        { "LOAD_FILE", "SELECT LOAD_FILE('/etc/passwd')" },
        { "SLEEP", $"SELECT SLEEP(30) FROM {Table}" },
        { "assignment", $"SELECT @a := pk FROM {Table}" },
        { "SET", "SET GLOBAL max_connections = 1" },
        { "DELETE", $"DELETE FROM {Table}" },
        { "GET_LOCK", "SELECT GET_LOCK('x', 10)" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_mutant_is_rejected_and_never_sent_while_a_valid_pair_in_the_same_run_verifies(string kind, string hostile)
    {
        // Given a valid pair and a pair whose mutant is hostile, read from one file
        var verifier = fixture.Verifier;
        var valid = Record("valid", $"SELECT pk FROM {Table} WHERE pk > 3", $"SELECT pk FROM {Table} WHERE 1", "FixMWhere1U");
        var bad = Record("hostile", $"SELECT pk FROM {Table} WHERE pk > 3", hostile, "FixMWhere1U");

        // When both are verified
        var reports = new List<PairReport>();
        await foreach (var report in verifier.VerifyAllAsync(AsAsync(valid, bad), TestContext.Current.CancellationToken))
            reports.Add(report);

        // Then the valid pair verified on the server, and the hostile one was rejected before any server saw it
        Assert.Equal(Verdict.Verified, reports[0].Verdict);
        Assert.Equal(Verdict.Rejected, reports[1].Verdict);
        Assert.Contains("read-only SELECT", reports[1].Reason, StringComparison.Ordinal);
        Assert.Empty(reports[1].Targets);
        Assert.True(reports[1].Expected!.IsUpper);
        Assert.DoesNotContain(hostile, fixture.Target.Executed);
        Assert.Contains(valid.Pair!.Mutated, fixture.Target.Executed);
        Assert.NotEmpty(kind);
    }

    [Fact]
    public async Task Unreadable_records_unknown_strategies_and_empty_statements_are_rejected_with_their_reason()
    {
        var records = new[]
        {
            InputRecord.Unreadable("bad.jsonl:3", new SourceLocation("bad.jsonl", 3), "line 3 is not valid JSON"),
            Record("unknown", "SELECT 1", "SELECT 2", "FixMNothingU"),
            Record("none", "SELECT 1", "SELECT 2", null),
            Record("empty", "SELECT 1", "  ;  ", "FixMWhere1U"),
        };

        var reports = new List<PairReport>();
        await foreach (var report in fixture.Verifier.VerifyAllAsync(AsAsync(records), TestContext.Current.CancellationToken))
            reports.Add(report);

        Assert.All(reports, r => Assert.Equal(Verdict.Rejected, r.Verdict));
        Assert.Equal("line 3 is not valid JSON", reports[0].Reason);
        Assert.Contains("unknown strategy 'FixMNothingU'", reports[1].Reason, StringComparison.Ordinal);
        Assert.Equal("the record names no strategy", reports[2].Reason);
        Assert.Contains("mutated query is not a single read-only SELECT", reports[3].Reason, StringComparison.Ordinal);
    }

    internal static InputRecord Record(string id, string original, string mutated, string? strategy) =>
        InputRecord.Read(new MutationPair(id, new SourceLocation("test", 1), strategy, original, mutated, "mariadb", null, []));

    internal static async IAsyncEnumerable<InputRecord> AsAsync(params InputRecord[] records)
    {
        foreach (var record in records)
        {
            await Task.Yield();
            yield return record;
        }
    }
}
