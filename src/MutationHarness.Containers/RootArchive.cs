using System.Formats.Tar;

namespace MutationHarness.Containers;

/// <summary>A provisioned Debian root as the tar stream an engine imports as an image: what a server needs, without what
/// only a running system or apt holds (kernel file systems, temporary files, package caches, documentation).</summary>
internal static class RootArchive
{
    // Directories kept empty in the image: mount points, scratch space, and what only apt or people read.
    private static readonly string[] Emptied =
    [
        "proc", "sys", "dev", "run", "tmp", "var/tmp", "var/cache/apt", "var/lib/apt/lists",
        "usr/share/doc", "usr/share/man", "usr/share/info", "usr/share/locale",
    ];

    /// <summary>Writes the root's tar to <paramref name="output"/>, returning the bytes of file content written.</summary>
    public static async Task<long> WriteAsync(string root, Stream output, CancellationToken cancellationToken)
    {
        long bytes = 0;
        await using var writer = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        var pending = new Stack<DirectoryInfo>([new DirectoryInfo(root)]);
        var rootLength = Path.GetFullPath(root).TrimEnd('/').Length + 1;
        while (pending.TryPop(out var directory))
        {
            foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var name = entry.FullName[rootLength..];
                await writer.WriteEntryAsync(entry.FullName, name, cancellationToken);
                if (entry.LinkTarget is not null)
                    continue; // a symbolic link is written as one, never followed
                if (entry is DirectoryInfo child)
                {
                    if (!Emptied.Contains(name, StringComparer.Ordinal))
                        pending.Push(child);
                }
                else if (entry is FileInfo file)
                {
                    bytes += file.Length;
                }
            }
        }
        return bytes;
    }
}
