using System.Runtime.CompilerServices;
using MutationHarness.Core.Records;

namespace MutationHarness.Verification.Reports;

/// <summary>Reads a finished verdict report back, record by record; a line that is not a report line, or a torn last
/// line (an interrupted run), is an <see cref="InputException"/> naming the file and line.</summary>
public static class ReportReader
{
    /// <summary>Every record of the report at <paramref name="path"/>, with its line as written.</summary>
    public static async IAsyncEnumerable<(ReportedRecord Record, ReportLine Line)> ReadLinesAsync(string path,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            throw new InputException($"report not found: {path}");
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16, useAsync: true);
        await foreach (var line in ReportLines.ReadAsync(stream, cancellationToken))
        {
            if (!line.Complete)
                throw new InputException($"{path} line {line.Number} is cut short: the run that wrote it was interrupted; finish it with verify --resume");
            if (line.Bytes.Length == 0)
                continue;
            yield return (ReportedRecord.TryParse(line.Bytes)
                ?? throw new InputException($"{path} line {line.Number} is not a verdict report line (verify --out writes them)"), line);
        }
    }

    /// <summary>Every record of the report at <paramref name="path"/>.</summary>
    public static async IAsyncEnumerable<ReportedRecord> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var (record, _) in ReadLinesAsync(path, cancellationToken))
            yield return record;
    }
}
