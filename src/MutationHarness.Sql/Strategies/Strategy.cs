namespace MutationHarness.Sql.Strategies;

/// <summary>One mutation strategy: its name (the catalog file's name) and the rule that owns it. A strategy exists
/// only as a member of its rule, so there is no list of strategies apart from the rules (<see cref="StrategyRuleSet"/>).</summary>
internal sealed class Strategy
{
    public Strategy(string name, StrategyRule rule)
    {
        if (!name.EndsWith('U') && !name.EndsWith('L'))
        {
            throw new ArgumentException($"A strategy name ends in U (upper) or L (lower): '{name}'.", nameof(name));
        }

        Name = name;
        Rule = rule;
    }

    public string Name { get; }

    public StrategyRule Rule { get; }

    /// <summary>The nominal direction: an upper (U) mutation grows the result at a monotone site.</summary>
    public bool IsUpper => Name[^1] == 'U';

    public bool IsRandom => Rule.IsRandom;

    public override string ToString() => Name;
}
