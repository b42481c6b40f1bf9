using System.Globalization;
using System.Text.Json;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Databases.Local.Versions;

/// <summary>The directory of provisioned MariaDB roots: one per series, shared by every harness on the machine.</summary>
/// <remarks>Roots are big (~400 MB) and need root privileges to build and run, so by default they live in one
/// machine-wide place (<c>/var/cache/mutationharness/servers</c>) rather than in each user's cache; the variable
/// <c>MUTATIONHARNESS_SERVERS</c> moves them. Building and removing a root happen under a file lock.</remarks>
public static class ServerRoots
{
    /// <summary>The variable that moves the roots directory.</summary>
    public const string DirectoryVariable = "MUTATIONHARNESS_SERVERS";

    internal const string Chroot = "/usr/sbin/chroot";
    private const string Marker = ".mutationharness-root.json";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Where roots are kept.</summary>
    public static string Directory =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } given ? Path.GetFullPath(given)
        : Environment.IsPrivilegedProcess ? "/var/cache/mutationharness/servers"
        : Path.Combine(CacheDirectory.Root, "servers");

    /// <summary>The provisioned root of a series, or null when it is not (completely) there.</summary>
    public static ServerRoot? Find(MariaDbRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        var path = PathOf(release);
        var marker = Path.Combine(path, Marker);
        if (!File.Exists(marker))
            return null;
        try
        {
            var saved = JsonSerializer.Deserialize<SavedRoot>(File.ReadAllText(marker));
            return saved is null ? null : new ServerRoot(release, path, saved.ServerVersion, saved.Bytes, saved.Provisioned);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every provisioned root.</summary>
    public static IReadOnlyList<ServerRoot> List() => MariaDbRelease.All.Select(Find).OfType<ServerRoot>().ToList();

    /// <summary>Provisions the root when it is missing (see <see cref="RootProvisioner"/>) and returns it.</summary>
    public static Task<ServerRoot> EnsureAsync(MariaDbRelease release, Action<string>? log, CancellationToken cancellationToken) =>
        Find(release) is { } ready ? Task.FromResult(ready) : RootProvisioner.ProvisionAsync(release, log ?? (_ => { }), cancellationToken);

    /// <summary>Deletes a provisioned root; refuses while a server from it runs. Returns false when there was none.</summary>
    public static async Task<bool> RemoveAsync(MariaDbRelease release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        var path = PathOf(release);
        if (!System.IO.Directory.Exists(path))
            return false;
        await using var fileLock = await FileLock.AcquireAsync(LockOf(release), TimeSpan.FromSeconds(10), cancellationToken);
        var running = LeftoverRunDirectories.Live(Path.Combine(path, "tmp"));
        if (running > 0)
            throw new TargetStartException(TargetName(release), $"{running} server(s) from {path} are running; stop them (their harness) first.");
        RootTrees.DeleteTree(path, killStragglers: false);
        return true;
    }

    internal static string PathOf(MariaDbRelease release) => Path.Combine(Directory, "mariadb-" + release.Version);

    internal static string LockOf(MariaDbRelease release) => PathOf(release) + ".lock";

    internal static string TargetName(MariaDbRelease release) => "local:mariadb:" + release.Version;

    internal static void WriteMarker(string root, string serverVersion, long bytes) =>
        File.WriteAllText(Path.Combine(root, Marker), JsonSerializer.Serialize(new SavedRoot(serverVersion, bytes, DateTime.UtcNow), Json));

    internal static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("N0", CultureInfo.InvariantCulture) + " MB";

    private sealed record SavedRoot(string ServerVersion, long Bytes, DateTime Provisioned);
}
