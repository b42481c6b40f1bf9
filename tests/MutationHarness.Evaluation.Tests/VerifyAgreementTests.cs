using System.Text.Json;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.TestSupport;

namespace MutationHarness.Evaluation.Tests;

/// <summary>Eval and verify share one grading path: a reference verify calls verified passes eval, and one it does not fails.</summary>
public sealed class VerifyAgreementTests(ServerFixture servers)
{
    [Fact]
    public async Task Generated_references_pass_eval_exactly_when_verify_verifies_them()
    {
        // Given generated pairs (most verify; a few hit known MariaDB bugs or overflow on the generated data)
        var pairs = GeneratedPairs.Sample(150);
        var cancel = TestContext.Current.CancellationToken;
        var disagreements = new List<string>();
        var verified = 0;
        foreach (var pair in pairs)
        {
            // When verify judges the pair and eval grades the mutant as the model's answer to the seed
            var report = await servers.Verifier.VerifyAsync(InputRecord.Read(pair), cancel);
            var example = TestSetReader.Parse(JsonSerializer.Serialize(new { id = pair.Id, strategy = pair.Strategy, original = pair.Original, mutated = pair.Mutated, dbms = pair.Dbms }),
                "generated.jsonl", 1, EvalMode.Mutation, StrategyCatalog.Default);
            var result = await servers.Mutation.GradeAsync(example, ModelAnswer.Of(pair.Mutated), cancel);

            // Then the two never disagree
            verified += report.Verdict == Verdict.Verified ? 1 : 0;
            if ((report.Verdict == Verdict.Verified) != result.Passed)
                disagreements.Add($"{pair.Id} {pair.Strategy}: verify {report.Verdict.Name()} ({report.Reason}), eval {(result.Passed ? "passed" : "failed")} ({string.Join(" | ", result.Details)})");
        }
        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements));
        Assert.True(verified > 120, $"only {verified} of {pairs.Count} verified");
    }

    [Fact]
    public async Task A_correct_mutant_that_changes_no_row_passes_and_reports_non_trivial_as_failed()
    {
        // Given a widening LIKE whose pattern already matched every row it could ('abc' LIKE 'a%c' → 'a%%')
        var example = TestSetReader.Parse("""{"id":"like","strategy":"RdMLikeU","original":"SELECT pk FROM table_3_utf8_undef WHERE 'abc' LIKE 'a%c'","mutated":"SELECT pk FROM table_3_utf8_undef WHERE 'abc' LIKE 'a%%'"}""",
            "t.jsonl", 1, EvalMode.Mutation, StrategyCatalog.Default);

        // When its reference is graded
        var result = await servers.Mutation.GradeAsync(example, ModelAnswer.Of(example.Reference!), TestContext.Current.CancellationToken);

        // Then it passes: non-trivial is reported (the rows are the seed's on every database) but does not gate
        Assert.True(result.Passed, string.Join(" | ", result.Details));
        Assert.False(result.Metrics[MetricNames.NonTrivial]);
        Assert.False(result.Gates(MetricNames.NonTrivial));
        Assert.Null(result.NonConformance);
    }
}

/// <summary>With --require-non-trivial, an answer whose rows equal the seed's on every database fails.</summary>
public sealed class RequiredNonTrivialTests(ServerFixture servers)
{
    [Fact]
    public async Task A_correct_mutant_that_changes_no_row_fails_when_non_trivial_results_are_required()
    {
        // Given a grader that requires non-trivial results, on the same server and generated databases
        var cancel = TestContext.Current.CancellationToken;
        await using var grader = await MutationGrader.StartAsync(ServerFixture.Options, StrategyCatalog.Default, servers.Lender, cancel, requireNonTrivial: true);
        var example = TestSetReader.Parse("""{"id":"like","strategy":"RdMLikeU","original":"SELECT pk FROM table_3_utf8_undef WHERE 'abc' LIKE 'a%c'","mutated":"SELECT pk FROM table_3_utf8_undef WHERE 'abc' LIKE 'a%%'"}""",
            "t.jsonl", 1, EvalMode.Mutation, StrategyCatalog.Default);

        // When the reference, which verify verifies, is graded
        var result = await grader.GradeAsync(example, ModelAnswer.Of(example.Reference!), cancel);

        // Then it fails on non-trivial alone, computed over every generated database
        Assert.Equal([MetricNames.NonTrivial], result.FailedMetrics);
        Assert.Contains(result.Details, d => d.Contains($"on all {ServerFixture.Options.Databases} databases", StringComparison.Ordinal));
    }
}
