using System.Security.Cryptography;

namespace MutationHarness.Databases.Local;

/// <summary>A fresh, private run directory for one server, named so <see cref="LeftoverRunDirectories"/> can find it later.</summary>
internal static class RunDirectories
{
    // A Unix socket path may hold at most 107 bytes (sun_path is 108 with its terminator).
    private const int MaxSocketPath = 107;

    public static string Create(string parent)
    {
        Directory.CreateDirectory(parent);
        var path = Path.Combine(parent, LeftoverRunDirectories.Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>Whether the server's socket in this run directory would fit a Unix socket address.</summary>
    public static bool SocketFits(string runDirectory) =>
        System.Text.Encoding.UTF8.GetByteCount(LocalServerArguments.SocketPath(runDirectory)) <= MaxSocketPath;
}
