using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql.Mutation;

/// <summary>Compares the normal forms of original and mutant; the change must equal one site's rewrite.</summary>
internal sealed partial class ConformanceChecker
{
    private const int Slack = 16;

    private readonly Strategy strategy;
    private readonly SyntaxTree original;
    private readonly string normalOriginal;
    private readonly string normalMutant;
    private readonly int prefix;
    private readonly int suffix;
    private List<Site>? sites;

    public ConformanceChecker(Strategy strategy, SyntaxTree original, SyntaxTree mutant)
    {
        this.strategy = strategy;
        this.original = original;
        normalOriginal = NormalPrinter.Print(original, null, recordSpans: true);
        normalMutant = NormalPrinter.Print(mutant, null, recordSpans: false);
        (prefix, suffix) = CommonEnds(normalOriginal, normalMutant);
    }

    public ConformanceResult Run()
    {
        if (normalOriginal == normalMutant)
        {
            return ConformanceResult.Failing(ConformanceFailure.NothingChanged, FastConformance.NothingChangedReason);
        }

        sites = SiteWalker.Walk(original, strategy);
        var (site, violation) = FindMatch(strategy);
        if (site is not null && violation is null && site.Applicable)
        {
            return ConformanceResult.Conforming(site.Describe(original.Source), site.IsUpper, site.NoRelation);
        }

        sites = SiteWalker.Walk(original);
        foreach (var other in Enum.GetValues<Strategy>())
        {
            if (other != strategy && FindMatch(other) is ({ Applicable: true } otherSite, null))
            {
                var where = otherSite.Describe(original.Source);
                return ConformanceResult.Failing(ConformanceFailure.ChangeNotMadeByStrategy, $"The change is {other} at {where}, not {strategy}.", where, other.ToString());
            }
        }

        if (site is not null)
        {
            var where = site.Describe(original.Source);
            if (violation is not null)
            {
                return ConformanceResult.Failing(ConformanceFailure.ChangeNotMadeByStrategy, $"{strategy} at {where}: {violation}.", where);
            }

            return site.Reachable
                ? ConformanceResult.Failing(ConformanceFailure.PreconditionNotMet, $"{strategy} at {where}: {site.Unmet}.", where)
                : ConformanceResult.Failing(ConformanceFailure.SiteNotApplicable, $"{strategy} at {where}, where the polarity walk stops (outer join, function, operand, select list, …).", where);
        }

        if (FindPartialMatch() is { } partial)
        {
            return ConformanceResult.Failing(ConformanceFailure.MoreThanOneSiteChanged, $"{strategy} was applied at {partial.Describe(original.Source)}, but something else changed too.", partial.Describe(original.Source));
        }

        return ConformanceResult.Failing(ConformanceFailure.ChangeNotMadeByStrategy, $"The change at {ChangeAt()} is not made by {strategy}.");
    }

    private string ChangeAt() =>
        $"'{Excerpt(normalOriginal, prefix, normalOriginal.Length - suffix)}' -> '{Excerpt(normalMutant, prefix, normalMutant.Length - suffix)}'";

    private static string Excerpt(string text, int start, int end) =>
        end - start > 60 ? string.Concat(text.AsSpan(start, 57), "...") : text[start..end];

    private static (int Prefix, int Suffix) CommonEnds(string a, string b)
    {
        var limit = Math.Min(a.Length, b.Length);
        var prefix = a.AsSpan().CommonPrefixLength(b);
        var suffix = 0;
        while (suffix < limit - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        return (prefix, suffix);
    }

    /// <summary>The best site of the strategy whose rewrite gives the mutant: applicable first, then unmet, then unreached.</summary>
    private (Site? Site, string? Violation) FindMatch(Strategy candidate)
    {
        (Site? Site, string? Violation) best = (null, null);
        foreach (var site in sites!)
        {
            if (site.Strategy != candidate)
            {
                continue;
            }

            var violation = StrategyNames.IsRandom(candidate) ? CheckPattern(site) : CheckFixed(site);
            if (violation == NoMatch)
            {
                continue;
            }

            if (best.Site is null || Rank(site, violation) > Rank(best.Site, best.Violation))
            {
                best = (site, violation);
                if (Rank(site, violation) == 7)
                {
                    break;
                }
            }
        }

        return best;
    }

    private static int Rank(Site site, string? violation) =>
        (violation is null ? 4 : 0) + (site.Reachable ? 2 : 0) + (site.Unmet is null ? 1 : 0);

    private const string NoMatch = "\u0000";

    /// <summary>Null when splicing the site's rewrite into the original's normal form gives the mutant's.</summary>
    private string? CheckFixed(Site site)
    {
        var target = site.Target;
        var (start, end, replacement) = target switch
        {
            SelectQuery select when site.Strategy is Strategy.FixMDistinctU or Strategy.FixMDistinctL => select.IsDistinct
                ? (select.NormStart + 6, select.NormStart + 15, string.Empty)
                : (select.NormStart + 6, select.NormStart + 6, " DISTINCT"),
            SelectQuery select when site.Strategy is Strategy.FixMWhere1U or Strategy.FixMWhere0L =>
                (select.Where!.NormStart, select.Where.NormEnd, site.Strategy == Strategy.FixMWhere1U ? "1" : "0"),
            SelectQuery select => (select.Having!.NormStart, select.Having.NormEnd, site.Strategy == Strategy.FixMHaving1U ? "1" : "0"),
            JoinRef join => (join.On!.NormStart, join.On.NormEnd, site.Strategy == Strategy.FixMOn1U ? "1" : "0"),
            InListExpr inList => (inList.NormEnd - 1, inList.NormEnd - 1, ", NULL"),
            _ => (target.NormStart, target.NormEnd, (string?)null),
        };
        // The greedy diff may place an insertion a few characters off the site (e.g. "SELECT DISTINCT "), hence the slack.
        if (start > prefix + Slack || normalOriginal.Length - end > suffix + Slack)
        {
            return NoMatch;
        }

        replacement ??= NormalPrinter.PrintTarget(original, new Rewrite(site.Strategy, target));
        var mutant = normalMutant.AsSpan();
        return mutant.Length == normalOriginal.Length - (end - start) + replacement.Length
               && mutant[..start].SequenceEqual(normalOriginal.AsSpan(0, start))
               && mutant.Slice(start, replacement.Length).SequenceEqual(replacement)
               && mutant[(start + replacement.Length)..].SequenceEqual(normalOriginal.AsSpan(end)) ? null : NoMatch;
    }
}
