using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;
using static MutationHarness.Integration.Tests.HostileRecordTests;

namespace MutationHarness.Integration.Tests;

/// <summary>Issue 9's bypasses through <c>verify</c>: each hides <c>SET SESSION sql_select_limit = 1</c>, which
/// turned every later pair on that connection into a false <c>relation-violated</c>.</summary>
public sealed class OneReadingVerifyTests(VerifierFixture fixture)
{
    private const string Table = "`table_7_utf8_undef`";
    private const string Poison = "SET SESSION sql_select_limit = 1";
    private const string Seed = $"SELECT pk FROM {Table} WHERE pk > 3";

    public static TheoryData<string, string> Bypasses => new()
    {
        { "quote in a MySQL-only version comment", $"SELECT pk FROM {Table} /*!50700 ' */ WHERE 1; {Poison}; SELECT pk -- ' */\nFROM {Table} WHERE 1" },
        { "quote in a MariaDB version comment", $"SELECT pk FROM {Table} /*M!999999 ' */ WHERE 1; {Poison}; SELECT pk -- ' */\nFROM {Table} WHERE 1" },
        { "backtick in a version comment", $"SELECT pk FROM {Table} /*!50700 ` */ WHERE 1; {Poison}; SELECT pk FROM {Table} WHERE 1 -- ` */" },
        { "double quote in a version comment", $"SELECT pk FROM {Table} /*!50700 \" */ WHERE 1; {Poison}; SELECT pk FROM {Table} WHERE 1 -- \" */" },
        { "hash in a version comment", $"SELECT pk FROM {Table} /*!50700 # */ WHERE 1; {Poison}; SELECT pk FROM {Table}\n-- */\nWHERE 1" },
        { "dashes in a version comment", $"SELECT pk FROM {Table} /*!50700 -- */ WHERE 1; {Poison}; SELECT pk FROM {Table}\n-- */\nWHERE 1" },
        { "backslash in a version comment", $"SELECT pk FROM {Table} /*!50700 '\\' */ WHERE 1; {Poison}; SELECT pk FROM {Table} WHERE 1 -- '*/" },
        { "ideographic space after --", $"SELECT pk FROM {Table} WHERE 1 --\u3000x = 0; {Poison}; -- \n" },
        { "optimizer hint", $"SELECT /*+ SET_VAR(sql_select_limit = 1) */ pk FROM {Table} WHERE 1" },
    };

    [Theory]
    [MemberData(nameof(Bypasses))]
    public async Task A_bypass_is_rejected_unsent_and_the_innocent_pairs_after_it_stay_verified(string kind, string hostile)
    {
        // Given a hostile mutant first, then innocent pairs (more than there are pooled sessions) in the same run
        var innocents = Enumerable.Range(0, 6)
            .Select(i => Record($"innocent-{i}", $"SELECT pk FROM {Table} WHERE pk > {i}", $"SELECT pk FROM {Table} WHERE 1", "FixMWhere1U"))
            .ToArray();
        var records = new[] { Record("hostile", Seed, hostile, "FixMWhere1U") }.Concat(innocents).ToArray();

        // When they are verified
        var reports = new List<PairReport>();
        await foreach (var report in fixture.Verifier.VerifyAllAsync(AsAsync(records), TestContext.Current.CancellationToken))
            reports.Add(report);

        // Then the bypass is rejected before any server saw it, and every innocent pair verifies
        Assert.Equal(Verdict.Rejected, reports[0].Verdict);
        Assert.Contains("not a single read-only SELECT", reports[0].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(hostile, fixture.Target.Executed);
        Assert.All(reports.Skip(1), r => Assert.True(r.Verdict == Verdict.Verified, $"{kind}: {r.Id} is {r.Verdict.Name()}: {r.Reason}"));
    }

    [Fact]
    public async Task A_bypass_in_the_seed_is_rejected_as_well()
    {
        // Given the executable comment in the original, not the mutant
        var hostileSeed = $"SELECT pk FROM {Table} /*!50700 ' */ WHERE pk > 3; {Poison}; SELECT pk -- ' */\nFROM {Table} WHERE pk > 3";
        var record = Record("hostile-seed", hostileSeed, $"SELECT pk FROM {Table} WHERE 1", "FixMWhere1U");

        // When verified
        var reports = new List<PairReport>();
        await foreach (var report in fixture.Verifier.VerifyAllAsync(AsAsync(record), TestContext.Current.CancellationToken))
            reports.Add(report);

        // Then the original side is named as the problem, and it was never sent
        Assert.Equal(Verdict.Rejected, reports[0].Verdict);
        Assert.Contains("original query", reports[0].Reason, StringComparison.Ordinal);
        Assert.Contains("executable comment", reports[0].Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(hostileSeed, fixture.Target.Executed);
    }
}
