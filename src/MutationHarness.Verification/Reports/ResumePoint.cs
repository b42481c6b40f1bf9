using MutationHarness.Core.Pairs;
using MutationHarness.Core.Records;

namespace MutationHarness.Verification.Reports;

/// <summary>What an interrupted report already holds: its whole lines (a torn last line is dropped), which records they
/// are, and their verdicts counted, so a resumed run skips those records and its summary covers the whole file.</summary>
public sealed class ResumePoint
{
    private readonly List<(long Index, ulong IdHash)> _kept = [];

    private ResumePoint(string name) => Name = name;

    /// <summary>The report's name, for messages.</summary>
    public string Name { get; }

    /// <summary>How many records the report holds.</summary>
    public int Count => _kept.Count;

    /// <summary>The bytes of whole lines; the file is cut here before the run appends.</summary>
    public long KeptBytes { get; private set; }

    /// <summary>How many bytes of a torn last line were dropped (0 when the file ended cleanly).</summary>
    public long DroppedBytes { get; private set; }

    /// <summary>The verdicts of the kept lines, counted; the resumed run keeps adding to it.</summary>
    public VerificationSummary Summary { get; } = new();

    /// <summary>Reads a report; a whole line that is not a report line is an <see cref="InputException"/> (it cannot be resumed).</summary>
    public static async Task<ResumePoint> ReadAsync(Stream report, string name, CancellationToken cancellationToken)
    {
        var point = new ResumePoint(name);
        await foreach (var line in ReportLines.ReadAsync(report, cancellationToken))
        {
            if (!line.Complete)
            {
                point.DroppedBytes = line.End - point.KeptBytes;
                break;
            }
            if (ReportedRecord.TryParse(line.Bytes) is not { } record)
                throw new InputException($"{name} line {line.Number} is not a verdict report line, so the report cannot be resumed: " +
                    "give another --out, or remove the file to start over");
            point._kept.Add((record.Index, Shard.Hash(record.Id)));
            point.Summary.Add(record.Strategy, record.Verdict);
            point.KeptBytes = line.End;
        }
        return point;
    }

    /// <summary>Checks that the <paramref name="position"/>-th record this run selects (from 0) is the one the report's
    /// line at that position is about; otherwise the report was made from other inputs or options.</summary>
    public void Check(int position, InputRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var (index, idHash) = _kept[position];
        if (index != record.Index || idHash != Shard.Hash(record.Id))
            throw new InputException($"{Name} line {position + 1} is not about record {record.Index} ({record.Id}, {record.Source}) of these inputs: " +
                "the report was made from other inputs, or with another --shard; give the same inputs and options, or another --out");
    }

    /// <summary>Fails when the report holds more records than the inputs gave this run.</summary>
    public void CheckAllSeen(int seen)
    {
        if (seen < Count)
            throw new InputException($"{Name} holds {Count:N0} records but the inputs give this run only {seen:N0}: " +
                "the report was made from other inputs; give the same inputs, or another --out");
    }
}
