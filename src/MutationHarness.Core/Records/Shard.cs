using System.Globalization;
using System.Text;

namespace MutationHarness.Core.Records;

/// <summary>One of <see cref="Count"/> disjoint parts of the inputs (<c>--shard K/N</c>, K from 1): a record belongs to
/// the shard its id hashes to, so the same record lands in the same shard on every machine and every run.</summary>
public sealed record Shard(int Number, int Count)
{
    /// <summary>The whole input: one shard of one.</summary>
    public static Shard All { get; } = new(1, 1);

    /// <summary>Reads <c>K/N</c> (1 ≤ K ≤ N); anything else is an <see cref="ArgumentException"/> that says what to give.</summary>
    public static Shard Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count >= 1 && number >= 1 && number <= count)
            return new Shard(number, count);
        throw new ArgumentException($"--shard takes K/N with 1 ≤ K ≤ N, such as 2/4 (the second of four shards), not '{text}'");
    }

    /// <summary>True when the record with this id (a record without one has its file and line as id) is in this shard.</summary>
    public bool Contains(string id) => Count == 1 || (int)(Hash(id) % (ulong)Count) == Number - 1;

    /// <summary>64-bit FNV-1a of the id's UTF-8 bytes: fixed by its definition, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static ulong Hash(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(id))
            hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Number}/{Count}";
}
