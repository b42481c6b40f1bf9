using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Integration.Tests.Containers;
using MutationHarness.Cli.Commands;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests;

/// <summary>The same pipeline on MySQL and TiDB: run when a connection string or a Docker engine is there, else skipped saying why.</summary>
public sealed class OtherServerTests
{
    private const string T7 = "`table_7_utf8_undef`";

    public static TheoryData<string> Flavors => ["mysql", "tidb"];

    [Theory]
    [MemberData(nameof(Flavors))]
    public async Task Pairs_verify_and_errors_are_classified_by_number_on_other_servers(string flavor)
    {
        var target = flavor == "mysql" ? await ContainerAvailability.RequireMySqlTargetAsync() : await ContainerAvailability.RequireTiDbTargetAsync();
        await using var verifier = await Verifier.StartAsync(new VerifyOptions { Targets = [target], Jobs = 2 },
            StrategyCatalog.Default, new TargetOpener(), TestContext.Current.CancellationToken);

        var good = await verifier.VerifyAsync(HostileRecordTests.Record("g", $"SELECT pk FROM {T7} WHERE pk > 2", $"SELECT pk FROM {T7} WHERE 1", "FixMWhere1U"), TestContext.Current.CancellationToken);
        var unknown = await verifier.VerifyAsync(HostileRecordTests.Record("u", $"SELECT pk FROM {T7} WHERE `nope` > 2", $"SELECT pk FROM {T7} WHERE 1", "FixMWhere1U"), TestContext.Current.CancellationToken);

        Assert.Equal(Verdict.Verified, good.Verdict);
        Assert.Equal(flavor == "mysql" ? "MySql" : "TiDb", Assert.Single(good.Targets).ServerFlavor);
        Assert.Equal(Verdict.NotExecutable, unknown.Verdict);
        Assert.Equal(1054, Assert.Single(Assert.Single(unknown.Targets).Databases).Original!.ErrorNumber);
    }
}
