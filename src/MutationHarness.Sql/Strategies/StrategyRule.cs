using MutationHarness.Sql.Mutation;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;

namespace MutationHarness.Sql.Strategies;

/// <summary>Everything one family of strategies knows, in one place: where its sites are and what they need (the
/// site test), how it changes a site (the rewrite), how a mutant is recognised as that change (the conformance
/// check, which is the reference) and the same check on tokens alone (the fast path). The polarity walk decides
/// the direction and which places are reached, and offers each place to the rules; a rule never decides polarity.</summary>
internal abstract class StrategyRule
{
    /// <summary>The strategies of this family, in catalog order.</summary>
    public abstract IReadOnlyList<Strategy> Strategies { get; }

    /// <summary>True when the rewrite is random, so a mutant is checked against a per-character rule, not one text.</summary>
    public virtual bool IsRandom => false;

    /// <summary>Site test: adds this family's sites (met or not) at a place the walk offers.</summary>
    public abstract void FindSites(in SiteOffer offer);

    /// <summary>Rewrite: the text edit that applies the site's strategy to the original (also at a site whose
    /// precondition is unmet, so a mutant made there can be named).</summary>
    public abstract SpanEdit Rewrite(SyntaxTree tree, Site site, Random random);

    /// <summary>Conformance check, the reference: whether the mutant is the strategy applied at this site. By default
    /// the normal form of the original with the site rewritten must equal the mutant's normal form.</summary>
    public virtual SiteMatch Check(Site site, NormalFormDiff diff) =>
        diff.Covers(site.Target) && diff.IsMadeBy(Rewrite(diff.Original, site, new Random(0))) ? SiteMatch.Made : SiteMatch.None;

    /// <summary>Fast path: true only when the one differing token window is exactly this site's rewrite. It must
    /// never claim more than <see cref="Check"/> would (the differential tests hold the two equal); false sends the
    /// pair to the reference.</summary>
    public abstract bool FastMatches(Site site, in TokenWindow window);
}
