using MutationHarness.Containers;
using MutationHarness.Databases.Targets;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests.Containers;

/// <summary>Whether container targets can run here. The MariaDB ones run on the image 'harness servers image' builds: under
/// CI './harness test' starts Podman's service and builds it, so they fail there when they cannot run; elsewhere they skip
/// saying why. MySQL and TiDB have no image here and skip with the engine's reason.</summary>
internal static class ContainerAvailability
{
    /// <summary>The container target the MariaDB container tests run.</summary>
    public const string MariaDbTarget = "container:mariadb:11.8";

    /// <summary>Skips (locally) or fails (under CI) unless <see cref="MariaDbTarget"/> can start with no pull.</summary>
    public static async Task RequireMariaDbAsync()
    {
        var why = await ContainerTarget.WhyCannotStartAsync(TargetSpec.Parse(MariaDbTarget), ImagePull.Never, TestContext.Current.CancellationToken);
        if (why is null)
            return;
        var reason = $"{MariaDbTarget} cannot start here: {why} (start Docker or Podman's service, then 'harness servers image mariadb:11.8'; " +
                     "under CI './harness test' does both)";
        if (ServerAvailability.IsCi)
            Assert.Fail("CI=true but " + reason);
        Assert.Skip(reason);
    }

    /// <summary>A <c>--target</c> for MySQL: the connection string in MUTATIONHARNESS_MYSQL, else <c>container:mysql</c> when
    /// the engine has or can pull its image, else a skip saying why.</summary>
    public static async Task<string> RequireMySqlTargetAsync() =>
        await RequireTargetAsync(ServerAvailability.MySqlVariable, "container:mysql", ServerAvailability.RequireMySql);

    /// <summary>A <c>--target</c> for TiDB, as <see cref="RequireMySqlTargetAsync"/>.</summary>
    public static async Task<string> RequireTiDbTargetAsync() =>
        await RequireTargetAsync(ServerAvailability.TiDbVariable, "container:tidb", ServerAvailability.RequireTiDb);

    private static async Task<string> RequireTargetAsync(string variable, string container, Func<string?, string> orSkip)
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(variable)))
            return orSkip(null);
        var why = await ContainerTarget.WhyCannotStartAsync(TargetSpec.Parse(container), ImagePull.Missing, TestContext.Current.CancellationToken);
        return why is null ? container : orSkip(why);
    }
}
