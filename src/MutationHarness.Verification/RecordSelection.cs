using System.Runtime.CompilerServices;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Records;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Verification;

/// <summary>Which records of the inputs a run verifies: those of its shard, minus those a resumed report already holds
/// (checked to be the same records, in the same order).</summary>
public sealed class RecordSelection(Shard shard, ResumePoint? resumed)
{
    /// <summary>Every record, unsharded and fresh.</summary>
    public static RecordSelection All { get; } = new(Shard.All, null);

    /// <summary>True when only one shard of the input is verified (so its size is not known before the run).</summary>
    public bool Sharded => shard.Count > 1;

    /// <summary>Reads the inputs only as far as the resumed report goes and checks that it is about them, so that a
    /// mismatch is found before any server starts (not for standard input, which cannot be read twice).</summary>
    public async Task CheckResumedAsync(IAsyncEnumerable<InputRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (resumed is not { Count: > 0 })
            return;
        var position = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            if (!shard.Contains(record.Id))
                continue;
            resumed.Check(position++, record);
            if (position == resumed.Count)
                return;
        }
        resumed.CheckAllSeen(position);
    }

    /// <summary>The records to verify, in input order.</summary>
    public async IAsyncEnumerable<InputRecord> SelectAsync(IAsyncEnumerable<InputRecord> records,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        var position = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            if (!shard.Contains(record.Id))
                continue;
            if (resumed is not null && position < resumed.Count)
            {
                resumed.Check(position++, record);
                continue;
            }
            position++;
            yield return record;
        }
        resumed?.CheckAllSeen(position);
    }
}
