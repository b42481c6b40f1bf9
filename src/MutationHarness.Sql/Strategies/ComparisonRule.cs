using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Mutation;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql.Strategies;

/// <summary>FixMCmpOpU widens a comparison (= to >=, &lt; to &lt;=, > to >=); FixMCmpOpL narrows one (>= to >,
/// &lt;= to &lt;, != to &lt;). Also the operator of <c>op ANY/SOME/ALL (subquery)</c>.</summary>
internal sealed class ComparisonRule : StrategyRule
{
    public ComparisonRule()
    {
        Widen = new Strategy("FixMCmpOpU", this);
        Narrow = new Strategy("FixMCmpOpL", this);
        Strategies = [Widen, Narrow];
    }

    public Strategy Widen { get; }

    public Strategy Narrow { get; }

    public override IReadOnlyList<Strategy> Strategies { get; }

    public override void FindSites(in SiteOffer offer)
    {
        var (op, offset) = offer.Node switch
        {
            BinaryExpr binary when Precedence.IsComparison(binary.Op) => (binary.Op, binary.OpStart),
            QuantifiedExpr quantified => (quantified.Op, quantified.OpStart),
            _ => ((BinaryOp?)null, 0),
        };
        if (op is null)
        {
            return;
        }

        var upper = op is BinaryOp.Eq or BinaryOp.Lt or BinaryOp.Gt;
        offer.Add(Widen, offer.Node, upper ? null : "the operator is not =, < or >", "comparison", 0, offset);
        offer.Add(Narrow, offer.Node, upper ? "the operator is not >=, <= or !=" : null, "comparison", 0, offset);
    }

    /// <summary>The operator token replaced by the new operator (unchanged where the strategy does not apply).</summary>
    public override SpanEdit Rewrite(SyntaxTree tree, Site site, Random random)
    {
        var (op, start, end) = Operator(site.Target);
        return new SpanEdit(start, end, Precedence.Text(NewOperator(site.Strategy, op)));
    }

    public override bool FastMatches(Site site, in TokenWindow window)
    {
        var (op, start, end) = Operator(site.Target);
        var i = window.TokenAt(start);
        var wanted = NewOperator(site.Strategy, op);
        return wanted != op && window.Original[i].Start == start && window.Original[i].End == end
               && window.Replaces(i, i + 1, 1) && Parser.ComparisonOp(window.Mutant[i].Kind) == wanted;
    }

    private BinaryOp NewOperator(Strategy strategy, BinaryOp op) => strategy == Widen
        ? op switch { BinaryOp.Eq => BinaryOp.Ge, BinaryOp.Lt => BinaryOp.Le, BinaryOp.Gt => BinaryOp.Ge, _ => op }
        : op switch { BinaryOp.Ge => BinaryOp.Gt, BinaryOp.Le => BinaryOp.Lt, BinaryOp.Ne => BinaryOp.Lt, _ => op };

    private static (BinaryOp Op, int Start, int End) Operator(Node target) => target switch
    {
        BinaryExpr binary => (binary.Op, binary.OpStart, binary.OpEnd),
        QuantifiedExpr quantified => (quantified.Op, quantified.OpStart, quantified.OpEnd),
        _ => throw new ArgumentException($"A comparison site is a comparison, not {target.GetType().Name}.", nameof(target)),
    };
}
