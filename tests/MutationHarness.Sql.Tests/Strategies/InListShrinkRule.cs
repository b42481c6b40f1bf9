using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;
using MutationHarness.Sql.Mutation;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Tests.Strategies;

/// <summary>A made-up 19th strategy, written by following the README's "Add a strategy" recipe: FixMInDropL drops
/// the last value of an <c>IN (value list)</c> of two or more values (fewer values match fewer rows: lower).</summary>
internal sealed class InListShrinkRule : StrategyRule
{
    public InListShrinkRule()
    {
        DropLast = new Strategy("FixMInDropL", this);
        Strategies = [DropLast];
    }

    public Strategy DropLast { get; }

    public override IReadOnlyList<Strategy> Strategies { get; }

    // Site test: every IN list the walk offers; NOT IN already flipped the flag there.
    public override void FindSites(in SiteOffer offer)
    {
        if (offer.Node is InListExpr inList)
        {
            offer.Add(DropLast, inList, inList.Items.Count < 2 ? "the list has one value" : null, "IN list", 0, inList.Start);
        }
    }

    // Rewrite: remove from the end of the next-to-last value to the end of the last one (its comma with it).
    public override SpanEdit Rewrite(SyntaxTree tree, Site site, Random random)
    {
        var items = ((InListExpr)site.Target).Items;
        return items.Count < 2 ? SpanEdit.Remove(items[0].Start, items[0].Start) : SpanEdit.Remove(items[^2].End, items[^1].End);
    }

    // Conformance: the base class's reference (the rewritten original's normal form equals the mutant's) is enough.

    // Fast path: the tokens from the last comma up to the closing parenthesis are gone, nothing else changed.
    public override bool FastMatches(Site site, in TokenWindow window)
    {
        var inList = (InListExpr)site.Target;
        if (inList.Items.Count < 2)
        {
            return false;
        }

        var comma = window.TokenAt(inList.Items[^2].End);
        var close = window.TokenAt(inList.CloseParen);
        return window.Original[comma].Kind == TokenKind.Comma && window.Original[close].Kind == TokenKind.RParen
               && window.Replaces(comma, close, 0);
    }
}
