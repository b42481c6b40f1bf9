using System.Text.Json;
using MutationHarness.Core.Verdicts;
using MutationHarness.Tests;
using MutationHarness.TestSupport;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests;

/// <summary>A statement can end its own connection while the server stays up: the server hangs up on a query larger
/// than <c>max_allowed_packet</c> (16 MiB on the embedded server). That is the record's failure, never a lost server:
/// one such record once stopped a whole verify run with exit 3, and a whole eval with no scorecard.</summary>
public sealed class SelfEndingStatementTests(VerifierFixture fixture)
{
    private const string Table = "`table_7_utf8_undef`";

    // A FixMWhere1U pair whose select list carries a string literal of the given size.
    private static string Side(int literalBytes, string where) => $"SELECT pk, '{new string('x', literalBytes)}' AS pad FROM {Table} WHERE {where}";

    [Fact]
    public async Task A_query_over_the_servers_packet_limit_is_its_records_failure_and_the_run_goes_on_on_the_same_server()
    {
        // Given a pair whose queries are over the server's packet limit, between two innocent pairs, and its twin of 1 MiB
        var verifier = fixture.Verifier;
        var target = verifier.OpenTargets[0];
        const int over = 17 << 20;
        var records = HostileRecordTests.AsAsync(
            HostileRecordTests.Record("innocent-1", Side(10, "pk > 3"), Side(10, "1"), "FixMWhere1U"),
            HostileRecordTests.Record("over-the-limit", Side(over, "pk > 3"), Side(over, "1"), "FixMWhere1U"),
            HostileRecordTests.Record("innocent-2", Side(10, "pk > 2"), Side(10, "1"), "FixMWhere1U"),
            HostileRecordTests.Record("under-the-limit", Side(1 << 20, "pk > 3"), Side(1 << 20, "1"), "FixMWhere1U"));

        // When they are verified
        var reports = new Dictionary<string, PairReport>();
        await foreach (var report in verifier.VerifyAllAsync(records, TestContext.Current.CancellationToken))
            reports[report.Id] = report;

        // Then that record alone is not-executable, saying its connection was lost while the server stayed up; the twin
        // under the limit and the innocent pairs verified, on the server the run began with
        var over17 = reports["over-the-limit"];
        Assert.Equal(Verdict.NotExecutable, over17.Verdict);
        Assert.Contains("lost its connection on all 3 runs while the server stayed up", over17.Reason, StringComparison.Ordinal);
        foreach (var id in new[] { "innocent-1", "innocent-2", "under-the-limit" })
            Assert.True(reports[id].Verdict == Verdict.Verified, $"{id}: {reports[id].Verdict} {reports[id].Reason}");
        Assert.Same(target.Target, verifier.OpenTargets[0].Target);
    }

    [Fact]
    public async Task An_eval_answer_over_the_servers_packet_limit_fails_to_execute_and_the_other_answers_are_graded()
    {
        ServerAvailability.RequireMariaDb();
        // Given two test examples: the model's first answer is over the packet limit, its second is the reference
        var folder = Directory.CreateTempSubdirectory("self-ending-eval").FullName;
        var test = Path.Combine(folder, "test.jsonl");
        var lines = File.ReadLines(RepositoryFiles.Path("fixtures", "eval", "test.jsonl")).Take(2).ToArray();
        await File.WriteAllLinesAsync(test, lines, TestContext.Current.CancellationToken);
        var reference = JsonDocument.Parse(lines[1]).RootElement.GetProperty("messages").EnumerateArray().Last().GetProperty("content").GetString();
        var outputs = Path.Combine(folder, "outputs.jsonl");
        await File.WriteAllLinesAsync(outputs,
        [
            JsonSerializer.Serialize(new { line = 1, output = Side(17 << 20, "1") }),
            JsonSerializer.Serialize(new { line = 2, output = reference }),
        ], TestContext.Current.CancellationToken);
        var card = Path.Combine(folder, "card.json");

        // When they are graded
        var (exit, output, error) = await CliTests.RunAsync("", "eval", "--test", test, "--outputs", outputs, "--out", card);

        // Then the measurement finishes (exit 0) with a scorecard: the first answer did not execute, the second passed
        Assert.True(exit == 0, $"exit {exit}: {error}{output}");
        var examples = JsonDocument.Parse(await File.ReadAllTextAsync(card, TestContext.Current.CancellationToken)).RootElement.GetProperty("examples").EnumerateArray().ToList();
        Assert.False(examples[0].GetProperty("metrics").GetProperty("executes").GetBoolean());
        Assert.True(examples[1].GetProperty("passed").GetBoolean(), examples[1].ToString());
    }
}
