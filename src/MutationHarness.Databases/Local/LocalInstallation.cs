using MutationHarness.Databases.Local.Versions;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Databases.Local;

/// <summary>One MariaDB the harness can start: this machine's own binaries, or a provisioned root whose programs run under chroot.</summary>
/// <param name="TargetName">The target's name as the user wrote it (<c>local:mariadb</c>, <c>local:mariadb:10.5</c>).</param>
/// <param name="Binaries">The server programs, as paths the server sees (inside the root for a provisioned one).</param>
/// <param name="Root">The provisioned root the programs run in, or null for this machine's own.</param>
internal sealed record LocalInstallation(string TargetName, ServerBinaries Binaries, string? Root)
{
    /// <summary>This machine's own <c>mariadbd</c>.</summary>
    public static async Task<LocalInstallation> MachineAsync(CancellationToken cancellationToken) =>
        new("local:mariadb", await ServerBinaries.FindAsync(ServerFlavor.MariaDb, cancellationToken), null);

    /// <summary>A provisioned root: its server runs under chroot, so everything it touches lives inside the root.</summary>
    public static async Task<LocalInstallation> InRootAsync(ServerRoot root, CancellationToken cancellationToken) =>
        new("local:mariadb:" + root.Release.Version, await ServerBinaries.InRootAsync(root.Directory, cancellationToken), root.Directory);

    /// <summary>Where data-directory templates are kept: inside a provisioned root, where its server can read them.</summary>
    public string CacheDirectory => Root is null ? Local.CacheDirectory.Root : Path.Combine(Root, "var", "cache", "mutationharness");

    /// <summary>Where run directories (data directory, socket, error log) are made.</summary>
    public string RunParent => Root is null ? Path.GetTempPath() : Path.Combine(Root, "tmp");

    /// <summary>The path the server sees for a path on this machine.</summary>
    public string Inside(string path) => Root is null ? path : "/" + Path.GetRelativePath(Root, path);

    /// <summary>The program to start for one of the installation's programs, with its arguments.</summary>
    public (string Program, IReadOnlyList<string> Arguments) Command(string program, IEnumerable<string> arguments) =>
        Root is null ? (program, arguments.ToList()) : (ServerRoots.Chroot, [Root, program, .. arguments]);
}
