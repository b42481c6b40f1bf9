using MutationHarness.Sql.Mutation;
using MutationHarness.Sql.Parsing;

namespace MutationHarness.Sql;

/// <summary>Decides whether a mutant is exactly one strategy applied at one site of the original.</summary>
public static class Conformance
{
    /// <summary>Checks the triple; differences of case, whitespace, comments and redundant parentheses are not changes.</summary>
    public static ConformanceResult Check(string strategy, string original, string mutant)
    {
        if (!StrategyNames.TryGet(strategy, out var known))
        {
            return UnknownStrategy(strategy);
        }

        // Most pairs are a clean rewrite of one site, which the token-level fast path proves without parsing the
        // mutant; whatever it cannot prove goes to the normal-form comparison, which stays the reference.
        if (SeedCache.Get(original) is { } seed && FastConformance.TryCheck(known, seed, mutant) is { } fast)
        {
            return fast;
        }

        return CheckSlow(known, original, mutant);
    }

    /// <summary>The fast path alone (null when it cannot decide), parsing the original afresh; for the differential tests.</summary>
    internal static ConformanceResult? CheckFast(string strategy, string original, string mutant) =>
        StrategyNames.TryGet(strategy, out var known) && SeedCache.Parse(original) is { } seed
            ? FastConformance.TryCheck(known, seed, mutant)
            : null;

    /// <summary>The reference path: parse both sides and compare normal forms.</summary>
    internal static ConformanceResult CheckSlow(string strategy, string original, string mutant) =>
        StrategyNames.TryGet(strategy, out var known) ? CheckSlow(known, original, mutant) : UnknownStrategy(strategy);

    private static ConformanceResult CheckSlow(Strategy known, string original, string mutant)
    {
        if (Parse(original, "original", out var originalError) is not { } originalTree)
        {
            return originalError!;
        }

        if (Parse(mutant, "mutant", out var mutantError) is not { } mutantTree)
        {
            return mutantError!;
        }

        return new ConformanceChecker(known, originalTree, mutantTree).Run();
    }

    private static ConformanceResult UnknownStrategy(string strategy) =>
        ConformanceResult.Failing(ConformanceFailure.UnknownStrategy, $"'{strategy}' is not one of the 18 strategies.");

    private static SyntaxTree? Parse(string sql, string side, out ConformanceResult? failure)
    {
        failure = null;
        try
        {
            return Parser.Parse(sql);
        }
        catch (SqlSyntaxError e)
        {
            failure = ConformanceResult.Failing(
                ConformanceFailure.DoesNotParse,
                $"The {side} does not parse at {e.Line}:{e.Column}: expected {e.Expected}, found {e.Found}.");
            return null;
        }
    }
}
