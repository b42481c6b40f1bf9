namespace MutationHarness.FineTuning;

/// <summary>A seeded 64-bit hash that is the same on every run and machine (unlike string.GetHashCode).</summary>
internal static class StableHash
{
    public static ulong Of(int seed, string purpose, string key)
    {
        // FNV-1a over the characters, then the SplitMix64 finaliser to spread the bits.
        var hash = 14695981039346656037UL ^ (ulong)(uint)seed;
        hash = Mix(hash, purpose);
        hash = (hash ^ 0xFF) * 1099511628211UL;
        hash = Mix(hash, key);
        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var c in text)
            hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
