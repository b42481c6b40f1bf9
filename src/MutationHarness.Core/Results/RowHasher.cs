using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace MutationHarness.Core.Results;

/// <summary>Folds rows into 128-bit hashes: each row as a tuple of cells, and the whole result as a sequence of rows.</summary>
/// <remarks>
/// A cell is hashed as a tag (NULL or value), its byte length and its UTF-8 bytes, so NULL never meets the string
/// 'NULL' and ('a,b') never meets ('a','b'). XxHash128 is not a cryptographic hash, so it is seeded at random once
/// per process: no input can be tuned to a known function. Two different rows then share a hash with probability
/// about 2⁻¹²⁸; across the 2×10⁶ rows of two maximal results the chance of any clash is below 10⁻²⁶.
/// </remarks>
public sealed class RowHasher
{
    private static readonly long Seed = BinaryPrimitives.ReadInt64LittleEndian(RandomNumberGenerator.GetBytes(8));
    private readonly XxHash128 _row = new(Seed);
    private readonly XxHash128 _sequence = new(Seed);

    /// <summary>Adds SQL NULL as the next cell of the current row.</summary>
    public void AddNull()
    {
        Span<byte> tag = [0];
        _row.Append(tag);
    }

    /// <summary>Adds a cell's UTF-8 bytes as the next cell of the current row.</summary>
    public void Add(ReadOnlySpan<byte> utf8)
    {
        Span<byte> head = stackalloc byte[5];
        head[0] = 1;
        BinaryPrimitives.WriteInt32LittleEndian(head[1..], utf8.Length);
        _row.Append(head);
        _row.Append(utf8);
    }

    /// <summary>Adds a cell given as text.</summary>
    public void Add(string? cell)
    {
        if (cell is null)
        {
            AddNull();
            return;
        }
        var length = Encoding.UTF8.GetByteCount(cell);
        var buffer = length <= 512 ? stackalloc byte[length] : new byte[length];
        Encoding.UTF8.GetBytes(cell, buffer);
        Add(buffer);
    }

    /// <summary>Ends the current row: returns its hash and appends it to the sequence.</summary>
    public UInt128 EndRow()
    {
        var hash = _row.GetCurrentHashAsUInt128();
        _row.Reset();
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128LittleEndian(bytes, hash);
        _sequence.Append(bytes);
        return hash;
    }

    /// <summary>The hash of every row ended so far, in order.</summary>
    public UInt128 SequenceHash => _sequence.GetCurrentHashAsUInt128();

    /// <summary>The hash of one row of text cells, as a reader that saw the same cells computes it.</summary>
    public static UInt128 Hash(IReadOnlyList<string?> cells)
    {
        var hasher = new RowHasher();
        foreach (var cell in cells)
            hasher.Add(cell);
        return hasher.EndRow();
    }
}
