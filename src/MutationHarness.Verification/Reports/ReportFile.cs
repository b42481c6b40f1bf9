using MutationHarness.Core.Files;

namespace MutationHarness.Verification.Reports;

/// <summary>The verdict report being streamed: written in place line by line (no temporary file, so a reader or a
/// killed run always finds valid JSON lines), resumed from the whole lines an earlier run left, or written through to
/// standard output, a FIFO or a device.</summary>
public sealed class ReportFile : IAsyncDisposable
{
    private readonly Stream _stream;

    private ReportFile(OutputPath path, Stream stream, ResumePoint? resumed)
    {
        Path = path;
        _stream = stream;
        Resumed = resumed;
        Writer = new ReportWriter(stream);
    }

    /// <summary>Where the report goes.</summary>
    public OutputPath Path { get; }

    /// <summary>What an earlier run left, when resuming a report that exists; null for a fresh report.</summary>
    public ResumePoint? Resumed { get; }

    /// <summary>Writes the lines.</summary>
    public ReportWriter Writer { get; }

    /// <summary>A name for messages.</summary>
    public string Name => Path.Kind == OutputKind.StandardOutput ? "standard output" : Path.Given;

    /// <summary>Opens <paramref name="given"/> for the report; with <paramref name="resume"/>, an existing report's whole
    /// lines are kept (a torn last line is cut off) and new lines are appended after them.</summary>
    public static async Task<ReportFile> OpenAsync(string given, bool resume, CancellationToken cancellationToken)
    {
        var path = OutputPath.Resolve(given);
        if (resume && !path.IsRegularFile)
            throw new OutputException($"--resume reads back the report, so --out must name a regular file, not {(path.Kind == OutputKind.StandardOutput ? "standard output" : given)}");
        switch (path.Kind)
        {
            case OutputKind.StandardOutput:
                return new ReportFile(path, Console.OpenStandardOutput(), null);
            case OutputKind.WriteThrough:
                return new ReportFile(path, OutputFile.OpenWriteThrough(path.Path), null);
        }
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path.Path)!);
        if (!resume || !File.Exists(path.Path))
            return new ReportFile(path, Open(path.Path, FileMode.Create), null);

        var stream = Open(path.Path, FileMode.Open);
        try
        {
            var resumed = await ResumePoint.ReadAsync(stream, given, cancellationToken);
            stream.SetLength(resumed.KeptBytes);
            stream.Seek(resumed.KeptBytes, SeekOrigin.Begin);
            return new ReportFile(path, stream, resumed);
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }
    }

    // Unbuffered: every line reaches the file in the one write the writer makes of it.
    private static FileStream Open(string path, FileMode mode) =>
        new(path, mode, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
