using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Mutation;

/// <summary>Compares two token streams the way the parser and the normal form see them, and finds the one
/// differing window. Token equality here is deliberately stricter than the normal form: equal tokens must
/// parse and print identically, so only the ASCII letters of reserved words compare case-insensitively (any
/// other word or quoted name may be a table name, whose case counts); everything else compares ordinally.</summary>
internal readonly struct TokenDiff
{
    /// <param name="knownPrefix">Leading tokens already known to be equal (copied from the original).</param>
    public TokenDiff(string originalSource, Token[] original, string mutantSource, Token[] mutant, int knownPrefix = 0)
    {
        var limit = Math.Min(original.Length, mutant.Length);
        var prefix = Math.Min(knownPrefix, limit);
        while (prefix < limit && Same(originalSource, original, prefix, mutantSource, mutant, prefix))
        {
            prefix++;
        }

        // Within the texts' common character suffix, a token at the same distance from the end with the same kind
        // and length has the same text, so most of the suffix compares without reading characters.
        var shift = mutantSource.Length - originalSource.Length;
        var shared = CommonSuffixLength(originalSource, mutantSource);
        var sharedFrom = originalSource.Length - shared;
        var suffix = 0;
        while (suffix < limit - prefix)
        {
            var x = original[original.Length - 1 - suffix];
            var y = mutant[mutant.Length - 1 - suffix];
            var quick = x.Start >= sharedFrom && y.Start == x.Start + shift && x.Kind == y.Kind && x.Length == y.Length
                        && (x.Kind != TokenKind.Word || originalSource[x.Start] != '_');
            if (!quick && !Same(originalSource, original, original.Length - 1 - suffix, mutantSource, mutant, mutant.Length - 1 - suffix))
            {
                break;
            }

            suffix++;
        }

        Prefix = prefix;
        Suffix = suffix;
        Identical = original.Length == mutant.Length && prefix == original.Length;
    }

    /// <summary>Tokens equal at the start of both streams.</summary>
    public int Prefix { get; }

    /// <summary>Tokens equal at the end of both streams (not overlapping the prefix).</summary>
    public int Suffix { get; }

    /// <summary>True when every token is equal: the two parse alike and have the same normal form.</summary>
    public bool Identical { get; }

    public static bool Same(string sourceA, Token[] a, int i, string sourceB, Token[] b, int j)
    {
        var x = a[i];
        var y = b[j];
        if (x.Kind != y.Kind || x.Length != y.Length || x.Keyword != y.Keyword)
        {
            return false;
        }

        var spanA = sourceA.AsSpan(x.Start, x.Length);
        var spanB = sourceB.AsSpan(y.Start, y.Length);
        if (x.Kind == TokenKind.Word && Keywords.IsReserved(x.Keyword) ? !AsciiFoldEquals(spanA, spanB) : !spanA.SequenceEqual(spanB))
        {
            return false;
        }

        // A charset introducer binds to the next string only across no gap or one space (Parser.ParseWordPrimary).
        return x.Kind != TokenKind.Word || spanA[0] != '_' || Gap(sourceA, a, i) == Gap(sourceB, b, j);
    }

    private static int CommonSuffixLength(string a, string b)
    {
        const int Block = 32;
        var limit = Math.Min(a.Length, b.Length);
        var n = 0;
        while (n + Block <= limit && a.AsSpan(a.Length - n - Block, Block).SequenceEqual(b.AsSpan(b.Length - n - Block, Block)))
        {
            n += Block;
        }

        while (n < limit && a[a.Length - 1 - n] == b[b.Length - 1 - n])
        {
            n++;
        }

        return n;
    }

    private static int Gap(string source, Token[] tokens, int i)
    {
        if (i + 1 >= tokens.Length)
        {
            return -1;
        }

        var gap = tokens[i + 1].Start - tokens[i].End;
        return gap == 1 && source[tokens[i].End] == ' ' ? 1 : gap == 0 ? 0 : 2;
    }

    /// <summary>Equal up to ASCII letter case; other characters must match exactly, so upper- and lower-casing
    /// (both used by the printer) agree on the two.</summary>
    private static bool AsciiFoldEquals(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        for (var k = 0; k < a.Length; k++)
        {
            char p = a[k], q = b[k];
            if (p != q && !((p | 0x20) == (q | 0x20) && char.IsAsciiLetter(p) && char.IsAsciiLetter(q)))
            {
                return false;
            }
        }

        return true;
    }
}
