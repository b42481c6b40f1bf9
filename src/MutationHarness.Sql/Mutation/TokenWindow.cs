using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql.Mutation;

/// <summary>What the fast path sees of one pair: the original's tokens (parsed once), the mutant's tokens, and how
/// many tokens the two share at each end. A rule's fast check asks whether the one differing window is its rewrite.</summary>
internal readonly struct TokenWindow(ParsedSeed seed, TokenDiff diff, string mutantSource, Token[] mutant)
{
    public ParsedSeed Seed { get; } = seed;

    public Token[] Original => Seed.Tokens;

    public string MutantSource { get; } = mutantSource;

    public Token[] Mutant { get; } = mutant;

    /// <summary>The index of the original's first token starting at or after the offset.</summary>
    public int TokenAt(int offset) => Seed.TokenAt(offset);

    /// <summary>True when the mutant is the original with tokens [first, last) replaced by <paramref name="count"/>
    /// tokens (the caller then checks those), everything else equal.</summary>
    public bool Replaces(int first, int last, int count)
    {
        var tail = Original.Length - last;
        return diff.Prefix >= first && diff.Suffix >= tail && Mutant.Length - tail - first == count;
    }

    public static bool IsWord(Token token, Keyword keyword) => token.Kind == TokenKind.Word && token.Keyword == keyword;
}
