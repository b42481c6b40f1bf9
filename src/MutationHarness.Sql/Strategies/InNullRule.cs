using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;
using MutationHarness.Sql.Mutation;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;

namespace MutationHarness.Sql.Strategies;

/// <summary>FixMInNullU appends NULL to an <c>IN (value list)</c> (not to <c>IN (subquery)</c>).</summary>
internal sealed class InNullRule : StrategyRule
{
    public InNullRule()
    {
        AppendNull = new Strategy("FixMInNullU", this);
        Strategies = [AppendNull];
    }

    public Strategy AppendNull { get; }

    public override IReadOnlyList<Strategy> Strategies { get; }

    public override void FindSites(in SiteOffer offer)
    {
        if (offer.Node is InListExpr inList)
        {
            offer.Add(AppendNull, inList, null, "IN list", 0, inList.Start);
        }
    }

    public override SpanEdit Rewrite(SyntaxTree tree, Site site, Random random) =>
        SpanEdit.Insert(((InListExpr)site.Target).CloseParen, ",NULL");

    public override bool FastMatches(Site site, in TokenWindow window)
    {
        var i = window.TokenAt(((InListExpr)site.Target).CloseParen);
        return window.Original[i].Kind == TokenKind.RParen && window.Replaces(i, i, 2)
               && window.Mutant[i].Kind == TokenKind.Comma && TokenWindow.IsWord(window.Mutant[i + 1], Keyword.NULL);
    }
}
