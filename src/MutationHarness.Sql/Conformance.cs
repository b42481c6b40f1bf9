using MutationHarness.Sql.Mutation;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql;

/// <summary>Decides whether a mutant is exactly one strategy applied at one site of the original.</summary>
public static class Conformance
{
    /// <summary>Checks the triple; differences of case, whitespace, comments and redundant parentheses are not changes.</summary>
    public static ConformanceResult Check(string strategy, string original, string mutant)
    {
        var rules = StrategyRuleSet.Default;
        if (rules.Find(strategy) is not { } known)
        {
            return UnknownStrategy(strategy, rules);
        }

        // Most pairs are a clean rewrite of one site, which the token-level fast path proves without parsing the
        // mutant; whatever it cannot prove goes to the normal-form comparison, which stays the reference.
        var seed = SeedCache.Get(original);
        if (seed is not null && FastConformance.TryCheck(known, seed, mutant) is { } fast)
        {
            return fast;
        }

        // The reference only reads the tree, so the cached parse of the original serves it too.
        return seed is null ? CheckSlow(rules, known, original, mutant) : CheckSlow(rules, known, seed.Tree, mutant);
    }

    /// <summary>The same check under another rule set (a strategy being added), parsing the original afresh.</summary>
    internal static ConformanceResult Check(StrategyRuleSet rules, string strategy, string original, string mutant) =>
        CheckFast(rules, strategy, original, mutant) ?? CheckSlow(rules, strategy, original, mutant);

    /// <summary>The fast path alone (null when it cannot decide), parsing the original afresh; for the differential tests.</summary>
    internal static ConformanceResult? CheckFast(string strategy, string original, string mutant) =>
        CheckFast(StrategyRuleSet.Default, strategy, original, mutant);

    internal static ConformanceResult? CheckFast(StrategyRuleSet rules, string strategy, string original, string mutant) =>
        rules.Find(strategy) is { } known && Parse(original, "original", out _) is { } tree
            ? FastConformance.TryCheck(known, new ParsedSeed(tree, rules), mutant)
            : null;

    /// <summary>The reference path: parse both sides and compare normal forms.</summary>
    internal static ConformanceResult CheckSlow(string strategy, string original, string mutant) =>
        CheckSlow(StrategyRuleSet.Default, strategy, original, mutant);

    internal static ConformanceResult CheckSlow(StrategyRuleSet rules, string strategy, string original, string mutant) =>
        rules.Find(strategy) is { } known ? CheckSlow(rules, known, original, mutant) : UnknownStrategy(strategy, rules);

    private static ConformanceResult CheckSlow(StrategyRuleSet rules, Strategy known, string original, string mutant) =>
        Parse(original, "original", out var originalError) is { } originalTree
            ? CheckSlow(rules, known, originalTree, mutant)
            : originalError!;

    private static ConformanceResult CheckSlow(StrategyRuleSet rules, Strategy known, SyntaxTree original, string mutant) =>
        Parse(mutant, "mutant", out var mutantError) is { } mutantTree
            ? new ConformanceChecker(rules, known, original, mutantTree).Run()
            : mutantError!;

    private static ConformanceResult UnknownStrategy(string strategy, StrategyRuleSet rules) =>
        ConformanceResult.Failing(ConformanceFailure.UnknownStrategy, $"'{strategy}' is not one of the {rules.Strategies.Count} strategies.");

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
