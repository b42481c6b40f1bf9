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
            return ConformanceResult.Failing(ConformanceFailure.UnknownStrategy, $"'{strategy}' is not one of the 18 strategies.");
        }

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
