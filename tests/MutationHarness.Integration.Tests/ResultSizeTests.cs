using MutationHarness.Core.Pairs;
using MutationHarness.Core.Records;
using MutationHarness.Core.Results;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests;

/// <summary>Results are folded into row hashes as they stream: a result past the limits is its own verdict, and a
/// witness whose text was not kept is read again on the re-run.</summary>
public sealed class ResultSizeTests(VerifierFixture fixture)
{
    // 7 × 7 × 7 = 343 rows in the seed, more in the mutant.
    private const string Seed = "SELECT a.pk, b.pk, c.pk FROM `table_7_utf8_undef` a JOIN `table_7_utf8_undef` b JOIN `table_7_utf8_undef` c WHERE a.pk > 0 /* size */";
    private const string Mutant = "SELECT a.pk, b.pk, c.pk FROM `table_7_utf8_undef` a JOIN `table_7_utf8_undef` b JOIN `table_7_utf8_undef` c WHERE 1 /* size */";

    private async Task<PairReport> VerifyWithAsync(ResultLimits limits, InputRecord record)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var verifier = await Verifier.StartAsync(
            new VerifyOptions { Jobs = 1, Reruns = 1, ResultLimits = limits, ReuseSeedResults = false },
            StrategyCatalog.Default, new BorrowedTargetOpener(fixture.Target), ct);
        return await verifier.VerifyAsync(record, ct);
    }

    [Fact]
    public async Task A_result_past_max_rows_is_too_large_with_the_counts_and_never_verified()
    {
        // Given a pair whose sides return 343 rows, and a row limit of 100
        var record = HostileRecordTests.Record("big", Seed, Mutant, "FixMWhere1U");
        _ = fixture.Verifier;

        // When it is verified
        var report = await VerifyWithAsync(ResultLimits.Default with { MaxRows = 100 }, record);

        // Then it is too large, the side says how far it got and which limit it passed, and the reason says so
        Assert.Equal(Verdict.TooLarge, report.Verdict);
        var side = Assert.Single(report.Targets[0].Databases).Original!;
        Assert.Equal(101, side.Rows);
        Assert.Contains("--max-rows", side.TooLarge);
        Assert.Contains("stopped unjudged after 101 rows", report.Reason);
    }

    [Fact]
    public async Task A_result_past_max_result_bytes_is_too_large_and_the_same_pair_within_the_limits_verifies()
    {
        var record = HostileRecordTests.Record("big-bytes", Seed, Mutant, "FixMWhere1U");
        _ = fixture.Verifier;

        // Given a byte limit below the seed's 343 rows of three one-digit cells, then the default limits
        var tooLarge = await VerifyWithAsync(ResultLimits.Default with { MaxBytes = 500 }, record);
        var within = await VerifyWithAsync(ResultLimits.Default, record);

        // Then the first is too large by bytes, the second verifies with every row counted
        Assert.Equal(Verdict.TooLarge, tooLarge.Verdict);
        Assert.Contains("--max-result-bytes", tooLarge.Targets[0].Databases[0].Original!.TooLarge);
        Assert.True(tooLarge.Targets[0].Databases[0].Original!.Bytes > 500);
        Assert.Equal(Verdict.Verified, within.Verdict);
        Assert.Equal(343, within.Targets[0].Databases[0].Original!.Rows);
        Assert.Null(within.Targets[0].Databases[0].Original!.TooLarge);
    }

    [Fact]
    public async Task A_witness_whose_text_was_not_kept_is_read_again_on_the_re_run()
    {
        // Given a real MariaDB bug from the corpus (FLOAT text changes under DISTINCT, MDEV-30301)
        var ct = TestContext.Current.CancellationToken;
        var files = InputSources.Expand([SharedPaths.Corpus]);
        InputRecord? record = null;
        await foreach (var r in new RecordReader(StrategyCatalog.Default).ReadAsync(files, TextReader.Null, ct))
        {
            if (r.Id == "mariadb-13")
                record = r;
        }
        _ = fixture.Verifier;

        // When it is verified keeping no row text at all while results stream
        var report = await VerifyWithAsync(ResultLimits.Default with { TextBudget = 0 }, record!);

        // Then the violation still names its witness in the server's exact text, read on the re-run
        Assert.Equal(Verdict.RelationViolated, report.Verdict);
        var run = Assert.Single(report.Targets[0].Databases);
        Assert.Equal(["0.00009999999747378752"], Assert.Single(run.Relation!.Witness).Cells);
    }
}
