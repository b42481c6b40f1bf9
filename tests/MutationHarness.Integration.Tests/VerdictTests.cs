using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests;

public sealed class VerdictTests(VerifierFixture fixture)
{
    private const string T7 = "`table_7_utf8_undef`";

    private async Task<PairReport> VerifyAsync(string original, string mutated, string strategy) =>
        await fixture.Verifier.VerifyAsync(HostileRecordTests.Record("t", original, mutated, strategy), TestContext.Current.CancellationToken);

    [Fact]
    public async Task An_upper_mutation_under_IS_FALSE_is_expected_to_shrink_and_does()
    {
        // Given FixMCmpOpU at a site flipped by IS FALSE
        var report = await VerifyAsync(
            $"SELECT pk FROM {T7} WHERE (`col_bigint_undef_signed` > 0) IS FALSE",
            $"SELECT pk FROM {T7} WHERE (`col_bigint_undef_signed` >= 0) IS FALSE", "FixMCmpOpU");

        // Then the polarity walk expects a subset, and the server agrees
        Assert.Equal(Verdict.Verified, report.Verdict);
        Assert.False(report.Expected!.IsUpper);
        Assert.Equal("polarity", report.Expected.From);
        var run = Assert.Single(Assert.Single(report.Targets).Databases);
        Assert.True(run.Original!.Rows >= run.Mutated!.Rows);
    }

    [Fact]
    public async Task A_mutant_that_is_not_its_strategy_is_non_conforming_and_never_runs()
    {
        var before = fixture.Target.Executed.Count(s => s.Contains("pk < 99", StringComparison.Ordinal));
        var report = await VerifyAsync($"SELECT pk FROM {T7} WHERE pk > 1", $"SELECT pk FROM {T7} WHERE pk < 99", "FixMWhere1U");

        Assert.Equal(Verdict.NonConforming, report.Verdict);
        Assert.False(report.Conformance!.Conforms);
        Assert.Empty(report.Targets);
        // The direction the strategy claims is still stated, from its suffix (no site, so no walk)
        Assert.Equal((true, "strategy"), (report.Expected!.IsUpper, report.Expected.From));
        Assert.Equal(before, fixture.Target.Executed.Count(s => s.Contains("pk < 99", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_site_that_feeds_an_aggregate_is_non_conforming_and_never_runs()
    {
        // Given WHERE xxx -> WHERE 1 under an aggregate: the one row it returns is computed, no containment is expected
        var report = await VerifyAsync($"SELECT COUNT(pk) FROM {T7} WHERE pk > 1", $"SELECT COUNT(pk) FROM {T7} WHERE 1", "FixMWhere1U");

        // Then it is not a site: non-conforming, naming the stop, and not run
        Assert.Equal(Verdict.NonConforming, report.Verdict);
        Assert.Contains("where no containment is expected (SELECT #1 aggregates (COUNT))", report.Reason, StringComparison.Ordinal);
        Assert.Empty(report.Targets);
    }

    [Fact]
    public async Task An_unknown_column_is_not_executable_with_its_error_number()
    {
        var report = await VerifyAsync($"SELECT pk FROM {T7} WHERE `no_such_column` > 1", $"SELECT pk FROM {T7} WHERE 1", "FixMWhere1U");

        Assert.Equal(Verdict.NotExecutable, report.Verdict);
        var run = Assert.Single(Assert.Single(report.Targets).Databases);
        Assert.Equal(1054, run.Original!.ErrorNumber);
        Assert.True(run.Mutated!.Ok);
        Assert.Contains("error 1054", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runaway_statement_times_out_and_the_run_goes_on()
    {
        // Given a cross join far too large for the fixture's 5 s deadline, whose condition no row meets
        var huge = string.Join(", ", Enumerable.Range(1, 12).Select(i => $"{T7} AS t{i}"));
        var sum = string.Join(" + ", Enumerable.Range(1, 12).Select(i => $"t{i}.pk"));
        var timedOut = await VerifyAsync($"SELECT t1.pk FROM {huge} WHERE {sum} < -1", $"SELECT t1.pk FROM {huge} WHERE {sum} <= -1", "FixMCmpOpU");

        Assert.Equal(Verdict.Timeout, timedOut.Verdict);
        Assert.True(Assert.Single(Assert.Single(timedOut.Targets).Databases).Original!.TimedOut);

        // Then the next pair on the same target still verifies
        var next = await VerifyAsync($"SELECT pk FROM {T7} WHERE pk > 1", $"SELECT pk FROM {T7} WHERE 1", "FixMWhere1U");
        Assert.Equal(Verdict.Verified, next.Verdict);
    }

    [Fact]
    public async Task A_non_deterministic_pair_is_flagged_and_its_broken_relation_is_unstable_not_a_bug()
    {
        var report = await VerifyAsync($"SELECT pk, RAND() FROM {T7} WHERE pk > 1", $"SELECT pk, RAND() FROM {T7} WHERE 1", "FixMWhere1U");

        Assert.Contains(report.Flags, f => f.Contains("RAND", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Verdict.Unstable, report.Verdict);
        Assert.True(Assert.Single(Assert.Single(report.Targets).Databases).Relation!.Runs > 1);
    }

    [Fact]
    public async Task A_recorded_direction_that_contradicts_the_polarity_walk_is_noted()
    {
        var pair = HostileRecordTests.Record("n", $"SELECT pk FROM {T7} WHERE NOT (pk > 2)", $"SELECT pk FROM {T7} WHERE NOT (pk >= 2)", "FixMCmpOpU");
        pair = pair with { Pair = pair.Pair! with { RecordedIsUpper = true } };

        var report = await fixture.Verifier.VerifyAsync(pair, TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Verified, report.Verdict);
        Assert.False(report.Expected!.IsUpper);
        Assert.Contains(report.Notes, n => n.Contains("polarity walk gives false", StringComparison.Ordinal));
    }
}
