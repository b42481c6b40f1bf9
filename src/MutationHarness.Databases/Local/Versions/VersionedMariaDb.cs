using MutationHarness.Databases.Targets;

namespace MutationHarness.Databases.Local.Versions;

/// <summary>Starts <c>local:mariadb:&lt;version&gt;</c>: the series' root, provisioned on first use, run like the default server.</summary>
public static class VersionedMariaDb
{
    /// <summary>Provisions the root when it is missing, then starts a throwaway server from it under chroot.</summary>
    public static async Task<LocalMariaDbTarget> StartAsync(string version, TargetOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var release = MariaDbRelease.Find(version)
            ?? throw new TargetSpecException("local:mariadb:" + version, $"unknown MariaDB version; known: {MariaDbRelease.Known}.");
        var root = await ServerRoots.EnsureAsync(release, options.Log, cancellationToken);
        var installation = await LocalInstallation.InRootAsync(root, cancellationToken);
        return await LocalMariaDbTarget.StartAsync(installation, options, cancellationToken);
    }
}
