using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;
using MutationHarness.Sql.Mutation;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;

namespace MutationHarness.Sql.Strategies;

/// <summary>FixMUnionAllU makes a UNION (distinct) UNION ALL; FixMUnionAllL makes a UNION ALL a UNION;
/// FixMRmUnionAllL keeps only the first SELECT of a list of exactly two joined by UNION ALL. INTERSECT and EXCEPT
/// are no sites. The ALL rewrite toggles, so a mutant at an operator of the wrong kind is still named.</summary>
internal sealed class SetOperationRule : StrategyRule
{
    public SetOperationRule()
    {
        MakeAll = new Strategy("FixMUnionAllU", this);
        DropAll = new Strategy("FixMUnionAllL", this);
        DropRight = new Strategy("FixMRmUnionAllL", this);
        Strategies = [MakeAll, DropAll, DropRight];
    }

    public Strategy MakeAll { get; }

    public Strategy DropAll { get; }

    public Strategy DropRight { get; }

    public override IReadOnlyList<Strategy> Strategies { get; }

    public override void FindSites(in SiteOffer offer)
    {
        if (offer is not { Node: SetOpQuery { Kind: SetOpKind.Union } setOp })
        {
            return;
        }

        var all = setOp.Quantifier == SetQuantifier.All;
        offer.Add(MakeAll, setOp, all ? "the operator is already UNION ALL" : null, "UNION", 0, setOp.OpStart);
        offer.Add(DropAll, setOp, all ? null : "the operator is not UNION ALL", "UNION", 0, setOp.OpStart);
        var pair = !offer.IsLeftOperand && IsSingleSelect(setOp.Left) && IsSingleSelect(setOp.Right);
        var unmet = !all ? "the operator is not UNION ALL" : pair ? null : "the list does not have exactly two SELECTs";
        offer.Add(DropRight, setOp, unmet, "UNION ALL list", 0, setOp.Start);
    }

    /// <summary>Writes or removes ALL after UNION (replacing DISTINCT), or removes the operator and the right operand.</summary>
    public override SpanEdit Rewrite(SyntaxTree tree, Site site, Random random)
    {
        var setOp = (SetOpQuery)site.Target;
        if (site.Strategy == DropRight)
        {
            return SpanEdit.Remove(setOp.Left.End, setOp.Right.End);
        }

        return new SpanEdit(setOp.KeywordEnd, setOp.OpEnd, setOp.Quantifier == SetQuantifier.All ? string.Empty : " ALL");
    }

    public override bool FastMatches(Site site, in TokenWindow window)
    {
        var setOp = (SetOpQuery)site.Target;
        var op = window.TokenAt(setOp.OpStart);
        if (!TokenWindow.IsWord(window.Original[op], Keyword.UNION))
        {
            return false;
        }

        var q = op + 1;
        if (site.Strategy == DropRight)
        {
            return RightOperandRemoved(setOp, op, window);
        }

        return (site.Strategy == MakeAll, setOp.Quantifier) switch
        {
            (true, SetQuantifier.None) => window.Replaces(q, q, 1) && TokenWindow.IsWord(window.Mutant[q], Keyword.ALL),
            (true, SetQuantifier.Distinct) => window.Replaces(q, q + 1, 1) && TokenWindow.IsWord(window.Mutant[q], Keyword.ALL),
            (false, SetQuantifier.All) => window.Replaces(q, q + 1, 0)
                || (window.Replaces(q, q + 1, 1) && TokenWindow.IsWord(window.Mutant[q], Keyword.DISTINCT)),
            _ => false,
        };
    }

    private static bool IsSingleSelect(Query query)
    {
        while (query is ParenQuery paren)
        {
            query = paren.Inner;
        }

        return query is SelectQuery;
    }

    /// <summary>Only for a top-level pair of plain SELECTs: elsewhere the parentheses around what is left make
    /// the normal forms differ in ways only the reference works out.</summary>
    private static bool RightOperandRemoved(SetOpQuery setOp, int op, in TokenWindow w)
    {
        if (!ReferenceEquals(w.Seed.Tree.Root, setOp) || HasTail(setOp)
            || setOp.Left is not SelectQuery left || HasTail(left) || setOp.Right is not SelectQuery right || HasTail(right))
        {
            return false;
        }

        var last = w.TokenAt(right.End);
        return last > op && w.Original[last - 1].End == right.End
               && w.Original[last].Kind is TokenKind.End or TokenKind.Semicolon && w.Replaces(op, last, 0);
    }

    private static bool HasTail(Query query) => query.OrderBy is not null || query.Limit is not null || !query.Trailer.IsEmpty;
}
