namespace MutationHarness.Sql.Strategies;

/// <summary>The one list of strategies: every rule, in catalog order. <see cref="StrategyNames"/> and the strategy
/// catalog (strategies/*.json, read by MutationHarness.Core) both read their names from here.</summary>
internal sealed class StrategyRuleSet
{
    public StrategyRuleSet(IReadOnlyList<StrategyRule> rules)
    {
        Rules = rules;
        Strategies = rules.SelectMany(r => r.Strategies).ToArray();
        var duplicate = Strategies.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Strategy {duplicate.Key} is declared by more than one rule.", nameof(rules));
        }

        if (Strategies.FirstOrDefault(s => !rules.Contains(s.Rule)) is { } stray)
        {
            throw new ArgumentException($"Strategy {stray.Name} names a rule that is not in the set.", nameof(rules));
        }
    }

    /// <summary>The product's rules, one per family.</summary>
    public static StrategyRuleSet Default { get; } = new(
    [
        new DistinctRule(),
        new SetOperationRule(),
        new ComparisonRule(),
        new InNullRule(),
        new ConditionRule(),
        new PatternRule(),
    ]);

    public IReadOnlyList<StrategyRule> Rules { get; }

    public IReadOnlyList<Strategy> Strategies { get; }

    /// <summary>The strategy of that exact name, or null.</summary>
    public Strategy? Find(string name)
    {
        foreach (var strategy in Strategies)
        {
            if (string.Equals(strategy.Name, name, StringComparison.Ordinal))
            {
                return strategy;
            }
        }

        return null;
    }

    /// <summary>The strategy's position in the list (its slot in per-strategy caches), or -1.</summary>
    public int IndexOf(Strategy strategy)
    {
        for (var i = 0; i < Strategies.Count; i++)
        {
            if (ReferenceEquals(Strategies[i], strategy))
            {
                return i;
            }
        }

        return -1;
    }
}
