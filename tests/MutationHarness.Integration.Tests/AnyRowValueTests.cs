using MutationHarness.Core.Pairs;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;
using static MutationHarness.Integration.Tests.HostileRecordTests;

namespace MutationHarness.Integration.Tests;

/// <summary>A class the soundness self-test found (sound-35-1, random seed 2026): beside GROUP BY or an aggregate, a
/// selected column neither grouped nor aggregated is any row's value of its group, and DISTINCT and HAVING read it,
/// so removing DISTINCT can show another row's value (MariaDB 10.5, 10.11 and 11.8 alike). Such a DISTINCT or HAVING
/// is no site; with every selected column grouped or aggregated it keeps its relation.</summary>
public sealed class AnyRowValueTests(VerifierFixture fixture)
{
    private const string Seed = "SELECT DISTINCT `g`, `v` FROM `t` GROUP BY `g` HAVING `v` LIKE '%a%'";
    private const string Mutant = "SELECT `g`, `v` FROM `t` GROUP BY `g` HAVING `v` LIKE '%a%'";
    private const string TwinSeed = "SELECT DISTINCT `g`, MAX(`v`) FROM `t` GROUP BY `g` HAVING MAX(`v`) LIKE '%a%'";
    private const string TwinMutant = "SELECT `g`, MAX(`v`) FROM `t` GROUP BY `g` HAVING MAX(`v`) LIKE '%a%'";

    private static readonly string[] Setup =
        ["CREATE TABLE `t` (`g` INT NOT NULL, `v` VARCHAR(8) NOT NULL)", "INSERT INTO `t` VALUES (1, 'ab'), (1, '0'), (2, 'a'), (2, 'b')"];

    [Fact]
    public async Task Check_names_the_any_row_value_and_passes_its_twin()
    {
        var (anyRow, anyRowOut, _) = await CliTests.RunAsync("", "check", "-s", "FixMDistinctU", Seed, Mutant);
        var (twin, _, _) = await CliTests.RunAsync("", "check", "-s", "FixMDistinctU", TwinSeed, TwinMutant);

        Assert.Equal((1, 0), (anyRow, twin));
        Assert.Contains("groups rows but selects `v`, neither grouped nor aggregated (any row's value)", anyRowOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_finds_no_site_there_and_verifies_the_twin()
    {
        var records = new[]
        {
            InputRecord.Read(new MutationPair("any-row", new SourceLocation("test", 1), "FixMDistinctU", Seed, Mutant, "mariadb", null, Setup)),
            InputRecord.Read(new MutationPair("twin", new SourceLocation("test", 2), "FixMDistinctU", TwinSeed, TwinMutant, "mariadb", null, Setup)),
        };

        var reports = new List<PairReport>();
        await foreach (var report in fixture.Verifier.VerifyAllAsync(AsAsync(records), TestContext.Current.CancellationToken))
            reports.Add(report);

        Assert.Equal(Verdict.NonConforming, reports[0].Verdict);
        Assert.Contains("where no containment is expected", reports[0].Reason, StringComparison.Ordinal);
        Assert.True(reports[1].Verdict == Verdict.Verified, $"{reports[1].Verdict.Name()}: {reports[1].Reason}");
    }
}
