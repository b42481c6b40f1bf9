using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql;

/// <summary>The names of the mutation strategies the SQL engine has rules for, and their nominal direction.</summary>
public static class StrategyNames
{
    /// <summary>All names, in catalog order (the rules' order).</summary>
    public static IReadOnlyList<string> All { get; } = StrategyRuleSet.Default.Strategies.Select(s => s.Name).ToArray();

    /// <summary>True when the name ends in U (an upper mutation); false for L.</summary>
    public static bool IsUpper(string name) => name.EndsWith('U');

    /// <summary>True when the name is one of the strategies (exact spelling).</summary>
    public static bool IsKnown(string name) => StrategyRuleSet.Default.Find(name) is not null;

    /// <summary>True when the strategy is random (RdM*): a mutant is checked against a per-character rule, not one text.</summary>
    public static bool IsRandom(string name) => StrategyRuleSet.Default.Find(name)?.IsRandom ?? false;
}
