using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace MutationHarness.Core.Files;

/// <summary>A set of files that must change together (a dataset): written into a fresh folder beside the final one, then
/// swapped in with one rename, so a reader sees the old set or the new, never a mix. A symlinked folder is followed.</summary>
public sealed class FolderReplacement : IAsyncDisposable
{
    private const string StagingSuffix = ".staging";
    private readonly string _folder;
    private bool _committed;

    private FolderReplacement(string folder, string staging)
    {
        _folder = folder;
        Staging = staging;
    }

    /// <summary>The folder being filled; it becomes the final one on <see cref="Commit"/>.</summary>
    public string Staging { get; }

    /// <summary>Starts replacing <paramref name="folder"/> by one holding <paramref name="names"/>. An existing folder may
    /// hold only those names (an earlier set): anything else in it would be lost, so it is refused with an <see cref="OutputException"/>.</summary>
    public static FolderReplacement Begin(string folder, IReadOnlyCollection<string> names)
    {
        var final = Check(folder, names);
        var parent = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(parent);
        SweepAbandoned(parent, Path.GetFileName(final));
        var staging = Path.Combine(parent, $".{Path.GetFileName(final)}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.{Guid.NewGuid():N}{StagingSuffix}");
        Directory.CreateDirectory(staging);
        if (Directory.Exists(final) && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(staging, File.GetUnixFileMode(final));
        return new FolderReplacement(final, staging);
    }

    /// <summary>The checks of <see cref="Begin"/> alone, to fail before long work; returns the folder links lead to.</summary>
    public static string Check(string folder, IReadOnlyCollection<string> names)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(names);
        var (final, _) = Links.Follow(Path.GetFullPath(folder).TrimEnd('/'));
        if (File.Exists(final))
            throw new OutputException($"{folder} is a file: give a folder for the dataset");
        if (Directory.Exists(final))
        {
            var foreign = Directory.EnumerateFileSystemEntries(final).Select(Path.GetFileName).FirstOrDefault(n => !names.Contains(n!));
            if (foreign is not null)
                throw new OutputException($"{folder} holds {foreign}, which is not part of a dataset and would be lost when the dataset " +
                    "is replaced: give an empty or new folder, or one an earlier run wrote");
        }
        return final;
    }

    /// <summary>Where a file of the set is written before the swap.</summary>
    public string PathOf(string name) => Path.Combine(Staging, name);

    /// <summary>The final path of a file of the set.</summary>
    public string FinalPathOf(string name) => Path.Combine(_folder, name);

    /// <summary>Swaps the new folder in: one atomic exchange where the system has it (Linux), and the old set is deleted.</summary>
    public void Commit()
    {
        if (!Directory.Exists(_folder))
            Directory.Move(Staging, _folder);
        else if (Exchange(Staging, _folder))
            Directory.Delete(Staging, recursive: true); // the old set, now under the staging name
        else
        {
            // No atomic exchange here: for an instant the folder is absent (never mixed).
            var old = Staging + ".old";
            Directory.Move(_folder, old);
            Directory.Move(Staging, _folder);
            Directory.Delete(old, recursive: true);
        }
        _committed = true;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (!_committed && Directory.Exists(Staging))
            Directory.Delete(Staging, recursive: true);
        return ValueTask.CompletedTask;
    }

    // Staging folders of runs that were killed (their process is gone) are removed at the next run into the same folder.
    private static void SweepAbandoned(string parent, string name)
    {
        if (!OperatingSystem.IsLinux())
            return;
        foreach (var leftover in Directory.EnumerateDirectories(parent, $".{name}.*{StagingSuffix}*"))
        {
            var pid = Path.GetFileName(leftover)[(name.Length + 2)..].Split('.')[0];
            if (int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out _) && !Directory.Exists($"/proc/{pid}"))
            {
                try { Directory.Delete(leftover, recursive: true); }
                catch (IOException) { /* another run's; left alone */ }
            }
        }
    }

    private const uint RenameExchange = 2;
    private const int AtFdCwd = -100;

    private static bool Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            return renameat2(AtFdCwd, Encoding.UTF8.GetBytes(a + "\0"), AtFdCwd, Encoding.UTF8.GetBytes(b + "\0"), RenameExchange) == 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // a C library without renameat2
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int renameat2(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, uint flags);
}
