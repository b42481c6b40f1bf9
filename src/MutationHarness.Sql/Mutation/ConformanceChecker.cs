using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Mutation;

/// <summary>The reference conformance check: compares the normal forms of original and mutant, and asks each site's
/// rule whether the change is its strategy applied there. Which failure to report is decided here; what a
/// strategy does is decided only by its rule.</summary>
internal sealed class ConformanceChecker(StrategyRuleSet rules, Strategy strategy, SyntaxTree original, SyntaxTree mutant)
{
    private readonly NormalFormDiff _diff = new(original, mutant);
    private List<Site>? _sites;

    public ConformanceResult Run()
    {
        if (_diff.NothingChanged)
        {
            return ConformanceResult.Failing(ConformanceFailure.NothingChanged, FastConformance.NothingChangedReason);
        }

        _sites = SiteWalker.Walk(original, rules, strategy);
        var (site, violation) = FindMatch(strategy);
        if (site is not null && violation is null && site.Applicable)
        {
            return ConformanceResult.Conforming(site.Describe(original.Source), site.IsUpper);
        }

        _sites = SiteWalker.Walk(original, rules, null);
        foreach (var other in rules.Strategies)
        {
            if (other != strategy && FindMatch(other) is ({ Applicable: true } otherSite, null))
            {
                var where = otherSite.Describe(original.Source);
                return ConformanceResult.Failing(ConformanceFailure.ChangeNotMadeByStrategy, $"The change is {other} at {where}, not {strategy}.", where, other.Name);
            }
        }

        if (site is not null)
        {
            var where = site.Describe(original.Source);
            if (violation is not null)
            {
                return ConformanceResult.Failing(ConformanceFailure.ChangeNotMadeByStrategy, $"{strategy} at {where}: {violation}.", where);
            }

            return site.Stop switch
            {
                { NoExpectedRelation: true } stop => ConformanceResult.Failing(ConformanceFailure.NoExpectedRelation, $"{strategy} at {where}, {stop}: no site.", where),
                { } stop => ConformanceResult.Failing(ConformanceFailure.SiteNotApplicable, $"{strategy} at {where}, {stop}: the polarity walk stops there, so the site is not mined.", where),
                null => ConformanceResult.Failing(ConformanceFailure.PreconditionNotMet, $"{strategy} at {where}: {site.Unmet}.", where),
            };
        }

        if (FindPartialMatch() is { } partial)
        {
            return ConformanceResult.Failing(ConformanceFailure.MoreThanOneSiteChanged, $"{strategy} was applied at {partial.Describe(original.Source)}, but something else changed too.", partial.Describe(original.Source));
        }

        return ConformanceResult.Failing(ConformanceFailure.ChangeNotMadeByStrategy, $"The change at {ChangeAt()} is not made by {strategy}.");
    }

    private string ChangeAt() =>
        $"'{Excerpt(_diff.NormalOriginal, _diff.Prefix, _diff.NormalOriginal.Length - _diff.Suffix)}' -> '{Excerpt(_diff.NormalMutant, _diff.Prefix, _diff.NormalMutant.Length - _diff.Suffix)}'";

    private static string Excerpt(string text, int start, int end) =>
        end - start > 60 ? string.Concat(text.AsSpan(start, 57), "...") : text[start..end];

    /// <summary>The best site of the strategy whose rule finds the change there: made by the strategy first, then
    /// reached, then with its precondition met.</summary>
    private (Site? Site, string? Violation) FindMatch(Strategy candidate)
    {
        (Site? Site, string? Violation) best = (null, null);
        foreach (var site in _sites!)
        {
            if (site.Strategy != candidate)
            {
                continue;
            }

            var match = candidate.Rule.Check(site, _diff);
            if (!match.Found)
            {
                continue;
            }

            if (best.Site is null || Rank(site, match.Violation) > Rank(best.Site, best.Violation))
            {
                best = (site, match.Violation);
                if (Rank(site, match.Violation) == 7)
                {
                    break;
                }
            }
        }

        return best;
    }

    private static int Rank(Site site, string? violation) =>
        (violation is null ? 4 : 0) + (site.Reachable ? 2 : 0) + (site.Unmet is null ? 1 : 0);

    /// <summary>A site of the strategy whose rewrite is in the mutant, next to another change.</summary>
    private Site? FindPartialMatch()
    {
        if (strategy.IsRandom)
        {
            return null;
        }

        foreach (var site in _sites!)
        {
            if (site.Strategy != strategy)
            {
                continue;
            }

            // The rewrite is there when what still differs lies wholly outside what the rewrite changed, and is a
            // smaller change than the whole difference (so the rewrite explains part of it, not a deletion that the
            // greedy diff happens to let the other change re-insert).
            var edit = strategy.Rule.Rewrite(original, site, new Random(0));
            if (_diff.IsNoOp(edit) || _diff.NormalFormOf(edit) is not { } expected || expected == _diff.NormalOriginal)
            {
                continue;
            }

            var (rewriteHead, rewriteTail) = NormalFormDiff.CommonEnds(_diff.NormalOriginal, expected);
            var (head, tail) = NormalFormDiff.CommonEnds(expected, _diff.NormalMutant);
            var rest = Math.Max(expected.Length, _diff.NormalMutant.Length) - head - tail;
            var whole = Math.Max(_diff.NormalOriginal.Length, _diff.NormalMutant.Length) - _diff.Prefix - _diff.Suffix;
            if (rest < whole && (expected.Length - tail <= rewriteHead || head >= expected.Length - rewriteTail))
            {
                return site;
            }
        }

        return null;
    }
}
