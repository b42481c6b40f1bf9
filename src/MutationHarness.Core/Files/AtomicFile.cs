namespace MutationHarness.Core.Files;

/// <summary>A file written under a temporary name and renamed into place only when committed.</summary>
public sealed class AtomicFile : IAsyncDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private bool _committed;

    private AtomicFile(string path)
    {
        _path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        _temporary = $"{_path}.{Guid.NewGuid():N}.tmp";
        Stream = new FileStream(_temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
    }

    /// <summary>Where to write; the final file appears only on <see cref="CommitAsync"/>.</summary>
    public Stream Stream { get; }

    /// <summary>Starts writing <paramref name="path"/> through a temporary file beside it.</summary>
    public static AtomicFile Create(string path) => new(path);

    /// <summary>Writes <paramref name="path"/> atomically with whatever <paramref name="write"/> puts in the stream.</summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        await using var file = Create(path);
        await write(file.Stream, cancellationToken);
        await file.CommitAsync();
    }

    /// <summary>Writes all text to <paramref name="path"/> atomically.</summary>
    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        await WriteAsync(path, async (stream, ct) =>
        {
            await using var writer = new StreamWriter(stream, leaveOpen: true);
            await writer.WriteAsync(text.AsMemory(), ct);
        }, cancellationToken);
    }

    /// <summary>Flushes and renames the temporary file to its final name.</summary>
    public async Task CommitAsync()
    {
        await Stream.FlushAsync();
        await Stream.DisposeAsync();
        File.Move(_temporary, _path, overwrite: true);
        _committed = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        // An interrupted run leaves the previous file as it was, not half a new one.
        if (!_committed && File.Exists(_temporary))
            File.Delete(_temporary);
    }
}
