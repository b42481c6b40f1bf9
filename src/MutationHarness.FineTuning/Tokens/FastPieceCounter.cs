using System.Buffers;
using Microsoft.ML.Tokenizers;

namespace MutationHarness.FineTuning;

/// <summary>Counts tokens of plain ASCII text by splitting it with <see cref="AsciiPieces"/> and remembering each piece's count per thread.</summary>
internal sealed class FastPieceCounter
{
    private const int MaxRememberedPieces = 1 << 18; // per thread

    // Printable ASCII, tab and line breaks: the inputs on which the scanner equals the regex.
    private static readonly SearchValues<char> Plain = SearchValues.Create(
        "\t\n\r !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    private readonly Tokenizer _tokenizer;
    private readonly bool _o200k;
    private readonly ThreadLocal<PieceCounts> _pieces = new(() => new PieceCounts());

    private FastPieceCounter(Tokenizer tokenizer, bool o200k)
    {
        _tokenizer = tokenizer;
        _o200k = o200k;
    }

    public static FastPieceCounter? TryCreate(string encoding, Tokenizer tokenizer) => encoding switch
    {
        "o200k_base" => new FastPieceCounter(tokenizer, o200k: true),
        "cl100k_base" => new FastPieceCounter(tokenizer, o200k: false),
        _ => null,
    };

    /// <summary>The count, or null when the text is not plain ASCII and the tokenizer must count it.</summary>
    /// <remarks>
    /// Text that spells a special token ("&lt;|endoftext|&gt;") is counted as plain text, as message
    /// content is. The library's own count treats it as one special token, but not reliably: once
    /// its piece cache has churned it may count it as text, so we never ask it about such text.
    /// </remarks>
    public int? TryCount(string text)
    {
        var span = text.AsSpan();
        if (span.ContainsAnyExcept(Plain))
            return null;
        var pieces = _pieces.Value!;
        pieces.TrimIfLarge();
        var total = 0;
        for (var start = 0; start < span.Length;)
        {
            var end = AsciiPieces.NextPieceEnd(span, start, _o200k);
            total += pieces.Count(span[start..end], _tokenizer);
            start = end;
        }
        return total;
    }

    /// <summary>One thread's remembered piece counts: short pieces keyed by their packed characters, long ones by text.</summary>
    private sealed class PieceCounts
    {
        private const int MaxPackedLength = 9; // 9 × 7 bits fit a ulong; no plain character is 0, so packing is one-to-one
        private readonly Dictionary<ulong, int> _short = [];
        private readonly Dictionary<string, int> _long = new(StringComparer.Ordinal);

        public void TrimIfLarge()
        {
            if (_short.Count + _long.Count <= MaxRememberedPieces)
                return;
            _short.Clear();
            _long.Clear();
        }

        public int Count(ReadOnlySpan<char> piece, Tokenizer tokenizer)
        {
            if (piece.Length > MaxPackedLength)
            {
                var lookup = _long.GetAlternateLookup<ReadOnlySpan<char>>();
                if (!lookup.TryGetValue(piece, out var longCount))
                    lookup[piece] = longCount = CountPiece(piece, tokenizer);
                return longCount;
            }
            ulong key = 0;
            foreach (var c in piece)
                key = (key << 7) | c;
            if (!_short.TryGetValue(key, out var count))
                _short[key] = count = CountPiece(piece, tokenizer);
            return count;
        }

        private static int CountPiece(ReadOnlySpan<char> piece, Tokenizer tokenizer) =>
            tokenizer.CountTokens(piece, considerPreTokenization: false, considerNormalization: false);
    }
}
