using System.Collections.Concurrent;
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

    /// <summary>Results larger than this many cells are not kept: memory stays small however large a result is.</summary>
    public const int MaxCells = 2_000;

    private readonly ConcurrentDictionary<(string Database, string Sql), RowsOutcome> _entries = new();
    private int _count;

    public RowsOutcome? Find(string database, string sql) =>
        _entries.TryGetValue((database, sql), out var rows) ? rows : null;

    public void Keep(string database, string sql, StatementOutcome outcome)
    {
        if (outcome is not RowsOutcome rows || (long) rows.Result.Rows.Count * Math.Max(1, rows.Result.ColumnCount) > MaxCells)
            return;
        if (Volatile.Read(ref _count) >= Capacity)
        {
            _entries.Clear();
            Volatile.Write(ref _count, 0);
        }
        if (_entries.TryAdd((database, sql), rows))
            Interlocked.Increment(ref _count);
    }
}
