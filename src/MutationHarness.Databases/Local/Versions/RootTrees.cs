using System.Diagnostics;
using System.Globalization;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Databases.Local.Versions;

/// <summary>Measures and deletes root directories safely. debootstrap mounts /proc and /sys inside a root while it works,
/// and one whose harness died may still be running (or have left those mounts): deleting through such a mount would
/// reach the machine's own files, and deleting under a running debootstrap fails half-way.</summary>
internal static class RootTrees
{
    /// <summary>Unmounts what is mounted in the tree, then deletes it. What still runs inside it is killed when
    /// <paramref name="killStragglers"/> (a build whose harness died), else the deletion is refused saying which process.</summary>
    public static void DeleteTree(string directory, bool killStragglers)
    {
        var full = Path.GetFullPath(directory).TrimEnd('/');
        var inside = ProcessesIn(full);
        if (inside.Count > 0 && !killStragglers)
            throw new TargetStartException(full, $"cannot delete it: process {inside[0]} runs inside it; stop it first.");
        foreach (var pid in inside)
            Run("kill", "-KILL", pid);
        foreach (var mount in MountsUnder(full).OrderByDescending(m => m.Length))
            Run("umount", "--lazy", mount);
        var left = MountsUnder(full);
        if (left.Count > 0)
            throw new TargetStartException(full, $"cannot delete it: {left[0]} is still mounted; unmount it by hand ('umount -l {left[0]}').");
        Directory.Delete(full, recursive: true);
    }

    /// <summary>The size of the regular files below a directory (symbolic links not followed); files that vanish while
    /// it counts (a debootstrap at work renames many) are skipped.</summary>
    public static long Size(string directory)
    {
        long total = 0;
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(directory)]);
        while (pending.TryPop(out var current))
        {
            try
            {
                foreach (var entry in current.EnumerateFileSystemInfos())
                {
                    if (entry.LinkTarget is not null)
                        continue;
                    if (entry is DirectoryInfo child)
                        pending.Push(child);
                    else if (entry is FileInfo file)
                        total += file.Length;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone or unreadable meanwhile: an estimate is all anyone needs.
            }
        }
        return total;
    }

    private static List<string> ProcessesIn(string directory) =>
        Directory.EnumerateDirectories("/proc").Select(d => Path.GetFileName(d))
            .Where(pid => pid.All(char.IsAsciiDigit) && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture) && RunsIn(pid, directory))
            .ToList();

    // A process works in the tree when it was started on it (debootstrap's arguments name it), or is chrooted or sits in it.
    private static bool RunsIn(string pid, string directory)
    {
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            if (arguments.Any(a => Under(a.TrimEnd('/'), directory)))
                return true;
            return new[] { "root", "cwd" }.Any(link => new FileInfo($"/proc/{pid}/{link}").LinkTarget is { } target && Under(target, directory));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // gone meanwhile, or not ours to look at
        }
    }

    private static List<string> MountsUnder(string directory) =>
        !File.Exists("/proc/self/mounts") ? []
        : File.ReadLines("/proc/self/mounts")
            .Select(line => line.Split(' '))
            .Where(fields => fields.Length > 1)
            .Select(fields => Unescape(fields[1]))
            .Where(mount => Under(mount, directory))
            .ToList();

    private static bool Under(string path, string directory) =>
        path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal);

    // /proc/self/mounts writes space, tab, newline and backslash as octal escapes.
    private static string Unescape(string field) =>
        field.Replace("\\040", " ", StringComparison.Ordinal).Replace("\\011", "\t", StringComparison.Ordinal)
            .Replace("\\012", "\n", StringComparison.Ordinal).Replace("\\134", "\\", StringComparison.Ordinal);

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start);
        process?.WaitForExit();
    }
}
