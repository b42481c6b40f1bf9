using System.Collections.Concurrent;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Mutation;

/// <summary>A small bounded cache of parsed originals keyed by their exact text: a corpus checks many mutants
/// (about 18 strategies × sites) against each seed, and parsing the seed is most of a check's cost.</summary>
internal static class SeedCache
{
    /// <summary>Enough for every seed in flight in a verify run; when full it is simply emptied, which keeps the
    /// bound without per-entry bookkeeping on the hot path.</summary>
    public const int Capacity = 4096;

    private static readonly ConcurrentDictionary<string, ParsedSeed> Entries = new(StringComparer.Ordinal);

    // A seed is cached only when it comes a second time. Caching every one-off seed would keep thousands of trees
    // alive just long enough to reach the oldest GC generation and die there, which measured slower than not
    // caching at all. The doorkeeper holds only hashes (no objects), so it costs the GC nothing; a hash
    // collision merely admits a seed early.
    private const int DoorkeeperSize = 8192;
    private static readonly int[] Doorkeeper = new int[DoorkeeperSize];

    // ConcurrentDictionary.Count takes every lock, so the size is tracked here (approximately, under races).
    private static int s_count;

    /// <summary>The parsed seed, or null when it does not parse (the slow path then reports why).</summary>
    public static ParsedSeed? Get(string original)
    {
        if (Entries.TryGetValue(original, out var seed))
        {
            return seed;
        }

        var hash = original.GetHashCode() | 1;
        ref var slot = ref Doorkeeper[(uint)hash % DoorkeeperSize];
        var seenBefore = Volatile.Read(ref slot) == hash;
        Volatile.Write(ref slot, hash);
        seed = Parse(original);
        if (seed is null || !seenBefore)
        {
            return seed;
        }

        if (Volatile.Read(ref s_count) >= Capacity)
        {
            Entries.Clear();
            Volatile.Write(ref s_count, 0);
        }

        if (Entries.TryAdd(original, seed))
        {
            Interlocked.Increment(ref s_count);
        }

        return seed;
    }

    /// <summary>Parses without caching.</summary>
    public static ParsedSeed? Parse(string original)
    {
        try
        {
            return new ParsedSeed(Parser.Parse(original), StrategyRuleSet.Default);
        }
        catch (SqlSyntaxError)
        {
            return null;
        }
    }
}
