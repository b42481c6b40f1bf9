using System.Collections.Concurrent;
using MutationHarness.Core.Results;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Verification;

/// <summary>The rows a seed query returned on one database of one target, kept for the next pair with the same seed.</summary>
/// <remarks>
/// A corpus holds many mutants per seed (up to 18 strategies × sites), and the fixture databases are read-only to
/// the account statements run as, so a deterministic seed returns the same rows every time: running it once per
/// seed instead of once per pair takes about a third to a half of the statements off the server. A violation is
/// still re-run with both sides executed afresh, and flagged (non-deterministic) pairs never reuse anything.
/// </remarks>
internal sealed class SeedResults
{
    /// <summary>Seeds kept per target; when full the cache is emptied, which bounds it without bookkeeping.</summary>
    public const int Capacity = 256;

    /// <summary>Results of more rows are not kept: at 16 bytes a row hash, an entry stays under 64 kB.</summary>
    public const int MaxRows = 4_096;

    /// <summary>Results with more cell text are kept as row hashes alone (a violation re-runs both sides anyway,
    /// and reads its witness then).</summary>
    public const long MaxTextBytes = 16 * 1024;

    private readonly ConcurrentDictionary<(string Database, string Sql), RowsOutcome> _entries = new();
    private int _count;

    public RowsOutcome? Find(string database, string sql) =>
        _entries.TryGetValue((database, sql), out var rows) ? rows : null;

    public void Keep(string database, string sql, StatementOutcome outcome)
    {
        if (outcome is not RowsOutcome rows || rows.Result.RowCount > MaxRows)
            return;
        if (rows.Result.Rows.Count > 0 && rows.Result.Bytes > MaxTextBytes)
        {
            var result = rows.Result;
            rows = rows with { Result = new ResultSet(result.ColumnCount, result.Multiset, [], false, result.SequenceHash, result.Bytes) };
        }
        if (Volatile.Read(ref _count) >= Capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _count, 0);
        }
        if (_entries.TryAdd((database, sql), rows))
            Interlocked.Increment(ref _count);
    }
}
