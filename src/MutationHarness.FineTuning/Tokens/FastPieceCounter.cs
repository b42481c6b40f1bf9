using System.Buffers;
using Microsoft.ML.Tokenizers;

namespace MutationHarness.FineTuning;

/// <summary>Counts tokens of plain ASCII text by splitting it with <see cref="AsciiPieces"/>, and of text that spells a special token by <see cref="PlainTextSplit"/>, remembering each piece's count per thread.</summary>
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

    /// <summary>The count, or null when the tokenizer may count the text itself.</summary>
    /// <remarks>
    /// Text that spells a special token ("&lt;|endoftext|&gt;") is counted as plain text, as the
    /// service reads message content. The library's own count takes it for the special token (and
    /// not reliably: once its piece cache has churned it may count it as text), so such text is
    /// never left to it: plain ASCII goes through the scanner, anything else through the encoding's
    /// split pattern without the special-token split.
    /// </remarks>
    public int? TryCount(string text)
    {
        var span = text.AsSpan();
        if (span.ContainsAnyExcept(Plain))
            return span.Contains("<|", StringComparison.Ordinal) ? CountSplit(text) : null;
        var pieces = _pieces.Value!;
        pieces.TrimIfLarge();
        var total = 0;
        for (var start = 0; start < span.Length;)
        {
            var end = AsciiPieces.NextPieceEnd(span, start, _o200k);
            total += pieces.Count(span[start..end], _tokenizer, ascii: true);
            start = end;
        }
        return total;
    }

    private int CountSplit(string text)
    {
        var pieces = _pieces.Value!;
        pieces.TrimIfLarge();
        var total = 0;
        foreach (var match in PlainTextSplit.For(_o200k).EnumerateMatches(text))
            total += pieces.Count(text.AsSpan(match.Index, match.Length), _tokenizer, ascii: false);
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

        /// <param name="ascii">The caller knows the piece is plain ASCII, which packs into a key.</param>
        public int Count(ReadOnlySpan<char> piece, Tokenizer tokenizer, bool ascii)
        {
            if (piece.Length > MaxPackedLength || (!ascii && piece.ContainsAnyExcept(Plain)))
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
