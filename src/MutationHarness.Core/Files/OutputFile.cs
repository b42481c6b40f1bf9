namespace MutationHarness.Core.Files;

/// <summary>A whole-file output: <c>-</c> is standard output; a regular file is written under a temporary name
/// beside it and renamed into place on commit (through symlinks, never replacing them); a FIFO or a device is
/// written through.</summary>
public sealed class OutputFile : IAsyncDisposable
{
    private readonly OutputPath _path;
    private readonly string? _temporary;
    private bool _committed;

    private OutputFile(OutputPath path)
    {
        _path = path;
        switch (path.Kind)
        {
            case OutputKind.StandardOutput:
                Stream = Console.OpenStandardOutput();
                break;
            case OutputKind.WriteThrough:
                Stream = OpenWriteThrough(path.Path);
                break;
            default:
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path.Path)!);
                _temporary = $"{path.Path}.{Guid.NewGuid():N}.tmp";
                Stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                break;
        }
    }

    /// <summary>Where to write; a regular file appears only on <see cref="CommitAsync"/>.</summary>
    public Stream Stream { get; }

    /// <summary>What the user gave, for messages (<c>-</c>, or the path).</summary>
    public string Name => _path.Kind == OutputKind.StandardOutput ? "standard output" : _path.Given;

    /// <summary>Starts writing <paramref name="path"/> (see <see cref="OutputPath.Resolve"/>).</summary>
    public static OutputFile Create(string path) => new(OutputPath.Resolve(path));

    /// <summary>Writes <paramref name="path"/> with whatever <paramref name="write"/> puts in the stream.</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        await using var file = Create(path);
        await write(file.Stream, cancellationToken);
        await file.CommitAsync();
    }

    /// <summary>Writes all text to <paramref name="path"/>.</summary>
    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        await WriteAsync(path, async (stream, ct) =>
        {
            await using var writer = new StreamWriter(stream, leaveOpen: true);
            await writer.WriteAsync(text.AsMemory(), ct);
        }, cancellationToken);
    }

    /// <summary>Opens a FIFO or a device for writing as it is: no truncation, no lock, no rename.</summary>
    public static FileStream OpenWriteThrough(string path) =>
        new(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);

    /// <summary>Flushes, and renames a regular file's temporary file to its final name.</summary>
    public async Task CommitAsync()
    {
        await Stream.FlushAsync();
        await Stream.DisposeAsync();
        if (_temporary is not null)
            File.Move(_temporary, _path.Path, overwrite: true);
        _committed = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        // An interrupted run leaves the previous file as it was, not half a new one.
        if (!_committed && _temporary is not null && File.Exists(_temporary))
            File.Delete(_temporary);
    }
}
