using System.Collections.Concurrent;
using MutationHarness.Sql.Parsing;

namespace MutationHarness.Sql.Mutation;

/// <summary>A small bounded cache of parsed originals keyed by their exact text: a corpus checks many mutants
/// (about 18 strategies × sites) against each seed, and parsing the seed is most of a check's cost.</summary>
internal static class SeedCache
{
    /// <summary>Enough for every seed in flight in a verify run; when full it is simply emptied, which keeps the
    /// bound without per-entry bookkeeping on the hot path.</summary>
    public const int Capacity = 4096;

    private static readonly ConcurrentDictionary<string, ParsedSeed> Entries = new(StringComparer.Ordinal);

    // ConcurrentDictionary.Count takes every lock, so the size is tracked here (approximately, under races).
    private static int count;

    /// <summary>The parsed seed, or null when it does not parse (the slow path then reports why).</summary>
    public static ParsedSeed? Get(string original)
    {
        if (Entries.TryGetValue(original, out var seed))
        {
            return seed;
        }

        SyntaxTree tree;
        try
        {
            tree = Parser.Parse(original);
        }
        catch (SqlSyntaxError)
        {
            return null;
        }

        seed = new ParsedSeed(tree);
        if (Volatile.Read(ref count) >= Capacity)
        {
            Entries.Clear();
            Volatile.Write(ref count, 0);
        }

        if (Entries.TryAdd(original, seed))
        {
            Interlocked.Increment(ref count);
        }

        return seed;
    }

    /// <summary>Parses without caching, for callers that know the seed will not come again.</summary>
    public static ParsedSeed? Parse(string original)
    {
        try
        {
            return new ParsedSeed(Parser.Parse(original));
        }
        catch (SqlSyntaxError)
        {
            return null;
        }
    }
}
