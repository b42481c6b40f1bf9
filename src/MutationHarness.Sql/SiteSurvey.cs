using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql;

/// <summary>Why a seed has no mutant under a strategy: the places of the strategy's kind it has (none at all, or each
/// with the precondition it fails, or below a stop of the polarity walk). For <c>mutate</c> to say why it offers none.</summary>
public sealed record SiteSurvey(string Strategy, int Sites, int Applicable, IReadOnlyList<string> Unusable)
{
    /// <summary>Surveys the seed's sites of one strategy; throws SqlSyntaxError if the seed does not parse.</summary>
    public static SiteSurvey Of(string seed, string strategy)
    {
        var rules = StrategyRuleSet.Default;
        var known = rules.Find(strategy) ?? throw new ArgumentException($"Unknown strategy '{strategy}'.", nameof(strategy));
        var sites = SiteWalker.Walk(Parser.Parse(seed), rules, known);
        var unusable = sites.Where(s => !s.Applicable)
            .Select(s => $"{s.Describe(seed)}: {(s.Stop is { } stop ? $"below a stop of the polarity walk ({stop})" : s.Unmet)}")
            .ToList();
        return new SiteSurvey(known.Name, sites.Count, sites.Count - unusable.Count, unusable);
    }
}
