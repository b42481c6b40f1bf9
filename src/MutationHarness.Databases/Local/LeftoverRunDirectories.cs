using System.Diagnostics;
using System.Globalization;

namespace MutationHarness.Databases.Local;

/// <summary>Removes the run directories of embedded servers whose harness was killed: the watchdog stops the
/// server, but nothing is left to delete its data directory (about 26 MB each).</summary>
internal static class LeftoverRunDirectories
{
    public const string Prefix = "mutationharness-";

    /// <summary>Written into a run directory kept on request (<c>--keep-server-files</c>): never swept.</summary>
    public const string KeptMarker = "KEPT";

    /// <summary>The file where the server's process id is written when it starts.</summary>
    public const string PidFileName = "server-process.pid";

    /// <summary>Deletes every run directory whose server is gone and that no one asked to keep; best effort.</summary>
    public static int Sweep(string? parent = null)
    {
        var swept = 0;
        foreach (var directory in Directory.EnumerateDirectories(parent ?? Path.GetTempPath(), Prefix + "*"))
        {
            if (!IsLeftover(directory))
                continue;
            try
            {
                Directory.Delete(directory, recursive: true);
                swept++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's, or in use: not ours to force.
            }
        }
        return swept;
    }

    /// <summary>How many run directories below a parent belong to a server that runs (or is being set up, or was kept).</summary>
    public static int Live(string parent) =>
        Directory.Exists(parent) ? Directory.EnumerateDirectories(parent, Prefix + "*").Count(d => !IsLeftover(d)) : 0;

    private static bool IsLeftover(string directory)
    {
        if (File.Exists(Path.Combine(directory, KeptMarker)))
            return false;
        var pidFile = Path.Combine(directory, PidFileName);
        if (!File.Exists(pidFile))
        {
            // Another harness may be setting this one up right now; only an old one without a server is a leftover.
            return DateTime.UtcNow - Directory.GetLastWriteTimeUtc(directory) > TimeSpan.FromMinutes(10);
        }
        return !int.TryParse(File.ReadAllText(pidFile).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) || !IsRunning(pid);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
