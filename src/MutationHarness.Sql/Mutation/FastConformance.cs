using MutationHarness.Sql.Lexing;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Mutation;

/// <summary>The fast conformance path: lex the mutant, diff its tokens against the (cached) original's, and
/// accept only when the one differing window is exactly a token-level rewrite of an applicable site (each rule's
/// <see cref="StrategyRule.FastMatches"/>). It never parses or prints the mutant. It answers only what it can prove
/// the reference (<see cref="ConformanceChecker"/>) would answer — "conforms" and "nothing changed" — and returns
/// null for everything else, so every failure reason still comes from the reference.</summary>
internal static class FastConformance
{
    public const string NothingChangedReason = "The mutant is the original up to case, whitespace, comments and redundant parentheses.";

    public static ConformanceResult? TryCheck(Strategy strategy, ParsedSeed seed, string mutant)
    {
        // Mutants are mostly the original with one splice, so the tokens before the first differing character
        // are the original's: copy them instead of lexing them again (the lexer looks at most 2 characters past
        // a token, hence the margin; an executable comment would carry lexer state, so then lex everything).
        var shared = Lexer.TryShared(mutant);
        var head = 0;
        if (shared is null && !seed.HasBlockComment)
        {
            var same = seed.Source.AsSpan().CommonPrefixLength(mutant);
            head = seed.TokenAt(same - 2);
            while (head > 0 && seed.Tokens[head - 1].End + 3 > same)
            {
                head--;
            }
        }

        Token[] mutantTokens;
        try
        {
            mutantTokens = shared ?? Lexer.Tokenize(mutant, seed.Tokens.AsSpan(0, head));
        }
        catch (SqlSyntaxError)
        {
            return null;
        }

        var diff = new TokenDiff(seed.Source, seed.Tokens, mutant, mutantTokens, head);
        if (diff.Identical)
        {
            return ConformanceResult.Failing(ConformanceFailure.NothingChanged, NothingChangedReason);
        }

        var window = new TokenWindow(seed, diff, mutant, mutantTokens);
        foreach (var site in seed.SitesOf(strategy))
        {
            // Two sites' rewrites never give the same text, so the first match is the reference's site too.
            if (strategy.Rule.FastMatches(site, window))
            {
                return site.Applicable ? ConformanceResult.Conforming(site.Describe(seed.Source), site.IsUpper) : null;
            }
        }

        return null;
    }
}
