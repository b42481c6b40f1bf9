using MutationHarness.Core.Records;

namespace MutationHarness.Verification.Reports;

/// <summary>Joins shard reports (<c>verify --shard K/N</c>) into the report an unsharded run writes: every record once, in
/// input order (by each line's <c>index</c>), lines kept byte for byte. A gap, a duplicate or a shard out of order is an
/// <see cref="InputException"/> saying which record and which file.</summary>
public static class ReportMerger
{
    /// <summary>Writes the merged lines to <paramref name="output"/>, counting each record into <paramref name="summary"/>.</summary>
    public static async Task MergeAsync(IReadOnlyList<string> reports, Stream output, VerificationSummary summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(summary);
        var shards = new List<Cursor>();
        try
        {
            foreach (var path in reports)
                shards.Add(await Cursor.OpenAsync(path, cancellationToken));
            long expected = 1;
            var newline = "\n"u8.ToArray();
            while (shards.Where(s => s.Current is not null).MinBy(s => s.Current!.Value.Record.Index) is { } next)
            {
                var (record, line, _) = next.Current!.Value;
                if (record.Index != expected)
                    throw new InputException(record.Index < expected
                        ? $"record {record.Index} ({record.Id}) is in {next.Path} and in another report: the same shard given twice, or shards of different runs"
                        : $"records {expected:N0} to {record.Index - 1:N0} are in none of the reports: a shard report is missing or was cut short (finish it with verify --resume)");
                await output.WriteAsync(line, cancellationToken);
                await output.WriteAsync(newline, cancellationToken);
                summary.Add(record.Strategy, record.Verdict);
                expected++;
                await next.MoveAsync(cancellationToken);
            }
        }
        finally
        {
            foreach (var shard in shards)
                await shard.DisposeAsync();
        }
    }

    /// <summary>One shard report, read one record ahead.</summary>
    private sealed class Cursor(string path, IAsyncEnumerator<(ReportedRecord Record, ReportLine Line)> lines) : IAsyncDisposable
    {
        public string Path => path;

        public (ReportedRecord Record, byte[] Line, long Number)? Current { get; private set; }

        public static async Task<Cursor> OpenAsync(string path, CancellationToken cancellationToken)
        {
            var cursor = new Cursor(path, ReportReader.ReadLinesAsync(path, cancellationToken).GetAsyncEnumerator(cancellationToken));
            await cursor.MoveAsync(cancellationToken);
            return cursor;
        }

        public async Task MoveAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var previous = Current;
            Current = await lines.MoveNextAsync() ? (lines.Current.Record, lines.Current.Line.Bytes.ToArray(), lines.Current.Line.Number) : null;
            if (previous is { } before && Current is { } now && now.Record.Index <= before.Record.Index)
                throw new InputException($"{path} line {now.Number} (record {now.Record.Index}) comes after record {before.Record.Index}: " +
                    "a report lists its records in input order; was it edited, or are two reports joined in one file?");
        }

        public ValueTask DisposeAsync() => lines.DisposeAsync();
    }
}
