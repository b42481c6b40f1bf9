using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests;

/// <summary>A seed shared by several pairs runs once per database; the verdicts are the ones running it every time gives.</summary>
public sealed class SeedReuseTests(VerifierFixture fixture)
{
    private const string T7 = "`table_7_utf8_undef`";

    private int Runs(string sql) => fixture.Target.Executed.Count(s => s == sql);

    [Fact]
    public async Task Pairs_sharing_a_seed_run_it_once_and_say_so()
    {
        // Given three mutants of one seed (a seed no other test uses)
        var seed = $"SELECT pk, `col_bigint_key_signed` FROM {T7} WHERE pk > 2 AND pk < 7 /* reuse */";
        var pairs = new[]
        {
            HostileRecordTests.Record("r1", seed, $"SELECT pk, `col_bigint_key_signed` FROM {T7} WHERE 1 /* reuse */", "FixMWhere1U"),
            HostileRecordTests.Record("r2", seed, $"SELECT pk, `col_bigint_key_signed` FROM {T7} WHERE pk >= 2 AND pk < 7 /* reuse */", "FixMCmpOpU"),
            HostileRecordTests.Record("r3", seed, $"SELECT pk, `col_bigint_key_signed` FROM {T7} WHERE 0 /* reuse */", "FixMWhere0L"),
        };

        // When they are verified one after the other
        var reports = new List<PairReport>();
        foreach (var pair in pairs)
            reports.Add(await fixture.Verifier.VerifyAsync(pair, TestContext.Current.CancellationToken));

        // Then all verify, the seed went to the server once, and the later reports mark its rows as reused
        Assert.All(reports, r => Assert.Equal(Verdict.Verified, r.Verdict));
        Assert.Equal(1, Runs(seed));
        var originals = reports.Select(r => Assert.Single(r.Targets[0].Databases).Original!).ToList();
        Assert.Equal([false, true, true], originals.Select(o => o.Reused));
        Assert.All(originals, o => Assert.Equal(originals[0].Rows, o.Rows));
    }

    [Fact]
    public async Task Without_reuse_every_pair_runs_its_seed()
    {
        // Given a verifier that does not reuse seed results, on the same server
        await using var verifier = await Verifier.StartAsync(new VerifyOptions { Jobs = 1, ReuseSeedResults = false },
            StrategyCatalog.Default, new BorrowedTargetOpener(fixture.Target), TestContext.Current.CancellationToken);
        var seed = $"SELECT pk FROM {T7} WHERE pk > 3 /* no reuse */";

        // When two pairs of one seed are verified
        var first = await verifier.VerifyAsync(HostileRecordTests.Record("n1", seed, $"SELECT pk FROM {T7} WHERE 1 /* no reuse */", "FixMWhere1U"), TestContext.Current.CancellationToken);
        var second = await verifier.VerifyAsync(HostileRecordTests.Record("n2", seed, $"SELECT pk FROM {T7} WHERE 0 /* no reuse */", "FixMWhere0L"), TestContext.Current.CancellationToken);

        // Then the seed ran for each
        Assert.Equal((Verdict.Verified, Verdict.Verified), (first.Verdict, second.Verdict));
        Assert.Equal(2, Runs(seed));
        Assert.False(second.Targets[0].Databases[0].Original!.Reused);
    }
}
