namespace MutationHarness.Core.Files;

/// <summary>How an output path is written.</summary>
public enum OutputKind
{
    /// <summary><c>-</c>: the process's standard output.</summary>
    StandardOutput,

    /// <summary>A regular file (new or existing; a symlink resolved to its final target), replaced atomically.</summary>
    RegularFile,

    /// <summary>A FIFO or a character device (or a regular file reached through <c>/dev</c> or <c>/proc</c>, such as
    /// <c>/dev/stdout</c>): opened and written through, never replaced.</summary>
    WriteThrough,
}

/// <summary>What an output path the user gave names, decided before anything is written.</summary>
/// <param name="Given">The text the user gave.</param>
/// <param name="Kind">How it is written.</param>
/// <param name="Path">The file to write: a symlink's final target for a regular file, the given path otherwise.</param>
public sealed record OutputPath(string Given, OutputKind Kind, string Path)
{
    /// <summary>The name that stands for standard output.</summary>
    public const string StandardOutputName = "-";

    /// <summary>True when the output can be read back and rewritten (a regular file).</summary>
    public bool IsRegularFile => Kind == OutputKind.RegularFile;

    /// <summary>Decides how <paramref name="given"/> is written; a directory, a socket or a block device is refused
    /// with an <see cref="OutputException"/> that says what to give instead.</summary>
    public static OutputPath Resolve(string given)
    {
        ArgumentException.ThrowIfNullOrEmpty(given);
        if (given == StandardOutputName)
            return new OutputPath(given, OutputKind.StandardOutput, given);
        var full = System.IO.Path.GetFullPath(given);
        // Links into /dev or /proc (/dev/stdout → /proc/self/fd/1 → pipe:[…]) are the system's: written through.
        var (final, visited) = Links.Follow(full);
        var throughSystem = visited.Any(IsSystemPath);
        return FileType.Of(full) switch
        {
            FileType.Kind.Missing => new OutputPath(given, OutputKind.RegularFile, final),
            FileType.Kind.Regular when throughSystem => new OutputPath(given, OutputKind.WriteThrough, full),
            FileType.Kind.Regular => new OutputPath(given, OutputKind.RegularFile, final),
            FileType.Kind.Fifo or FileType.Kind.CharacterDevice => new OutputPath(given, OutputKind.WriteThrough, full),
            FileType.Kind.Directory => throw new OutputException($"{given} is a directory: give a file path for this output"),
            var other => throw new OutputException($"{given} is a {FileType.Describe(other)}, which this output cannot be written to: give a file path, or - for standard output"),
        };
    }

    /// <summary>The first of <paramref name="files"/> that is this output's own file (through any links), or null: an
    /// output written over an input would empty it before it is read.</summary>
    public string? FirstSameFile(IEnumerable<string> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (!IsRegularFile)
            return null;
        return files.FirstOrDefault(file => file != StandardOutputName && string.Equals(
            Links.Follow(System.IO.Path.GetFullPath(file)).Final, Path, StringComparison.Ordinal));
    }

    private static bool IsSystemPath(string path) =>
        path.StartsWith("/dev/", StringComparison.Ordinal) || path.StartsWith("/proc/", StringComparison.Ordinal);
}

/// <summary>An output path cannot be written as asked (a client error: the message says what to give instead).</summary>
public sealed class OutputException(string message) : Exception(message);
