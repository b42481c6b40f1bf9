using System.Buffers;
using System.Runtime.CompilerServices;

namespace MutationHarness.Verification.Reports;

/// <summary>One line of a report file as written: its bytes (without the newline), where it ends in the file, and
/// whether it was finished (a run killed mid-write leaves a last line without its newline).</summary>
public readonly record struct ReportLine(ReadOnlyMemory<byte> Bytes, long Number, long End, bool Complete);

/// <summary>Reads a report file line by line at the byte level, so that a torn last line can be told from a whole one.</summary>
public static class ReportLines
{
    /// <summary>Every line of the stream; a line's bytes are valid until the next one is read.</summary>
    public static async IAsyncEnumerable<ReportLine> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var chunk = new byte[1 << 16];
        var line = new ArrayBufferWriter<byte>(1 << 12);
        long offset = 0, number = 0;
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            var start = 0;
            for (var newline = Array.IndexOf(chunk, (byte)'\n', 0, read); newline >= 0; newline = Array.IndexOf(chunk, (byte)'\n', start, read - start))
            {
                line.Write(chunk.AsSpan(start, newline - start));
                offset += line.WrittenCount + 1;
                yield return new ReportLine(line.WrittenMemory, ++number, offset, Complete: true);
                line.ResetWrittenCount();
                start = newline + 1;
            }
            line.Write(chunk.AsSpan(start, read - start));
        }
        if (line.WrittenCount > 0)
            yield return new ReportLine(line.WrittenMemory, ++number, offset + line.WrittenCount, Complete: false);
    }
}
