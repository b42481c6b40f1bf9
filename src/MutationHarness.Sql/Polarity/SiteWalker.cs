using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Polarity;

/// <summary>Walks a query from the top with flag = true (monotone), flipping it under negations (SEMANTICS §3),
/// and offers every place it reaches to the strategy rules, which list their sites there (the walk knows no
/// strategy); sites below a stop are listed as not reachable.</summary>
internal sealed partial class SiteWalker
{
    private readonly List<Site> sites = [];
    private readonly StrategyRuleSet rules;
    private readonly Strategy? only;

    // Why the sites being walked have no expected relation: set while below a SELECT that aggregates.
    private string? noRelation;

    private SiteWalker(string source, StrategyRuleSet rules, Strategy? only)
    {
        Source = source;
        this.rules = rules;
        this.only = only;
    }

    public string Source { get; }

    /// <summary>All sites of the product's strategies, or only those of one strategy.</summary>
    public static List<Site> Walk(SyntaxTree tree, Strategy? only = null) => Walk(tree, StrategyRuleSet.Default, only);

    /// <summary>All sites of a rule set's strategies, or only those of one strategy.</summary>
    public static List<Site> Walk(SyntaxTree tree, StrategyRuleSet rules, Strategy? only)
    {
        var walker = new SiteWalker(tree.Source, rules, only);
        walker.WalkQuery(tree.Root, true, true, false);
        return walker.sites;
    }

    public bool Wants(Strategy strategy) => only is null || ReferenceEquals(only, strategy);

    public void Add(Strategy strategy, Node target, bool flag, bool reachable, string? unmet, string kind, int ordinal, int offset)
    {
        if (Wants(strategy))
        {
            sites.Add(new Site(strategy, target, flag, reachable, unmet, kind, ordinal, offset) { NoRelation = noRelation });
        }
    }

    private void Offer(Node node, Clause clause, bool flag, bool live, bool isLeftOperand = false)
    {
        var offer = new SiteOffer(this, node, clause, flag, live, isLeftOperand);
        if (only is not null)
        {
            only.Rule.FindSites(offer);
            return;
        }

        foreach (var rule in rules.Rules)
        {
            rule.FindSites(offer);
        }
    }

    private void WalkQuery(Query query, bool flag, bool live, bool chainLeft)
    {
        // LIMIT keeps the first rows: more rows below it can push others out, so nothing inside keeps a relation.
        var outer = noRelation;
        noRelation ??= Aggregation.OfLimit(query.Limit);
        switch (query)
        {
            case SelectQuery select:
                WalkSelect(select, flag, live);
                break;
            case SetOpQuery setOp:
                WalkSetOp(setOp, flag, live, chainLeft);
                break;
            case ParenQuery paren:
                WalkQuery(paren.Inner, flag, live, false);
                break;
            case WithQuery with:
                foreach (var cte in with.Ctes)
                {
                    WalkQuery(cte.Body, flag, live && !with.Recursive, false);
                }

                WalkQuery(with.Body, flag, live, false);
                break;
        }

        if (query.OrderBy is { } order)
        {
            foreach (var item in order)
            {
                WalkExpr(item.Value, flag, false);
            }
        }

        noRelation = outer;
    }

    private void WalkSelect(SelectQuery select, bool flag, bool live)
    {
        Offer(select, Clause.Itself, flag, live);
        foreach (var item in select.Items)
        {
            WalkExpr(item.Value, flag, false);
        }

        // DISTINCT and HAVING act on the aggregated rows (HAVING not on a window's), so only what feeds the
        // aggregation loses the relation: FROM, its joins and WHERE, and everything below them.
        var outer = noRelation;
        var aggregation = Aggregation.Of(select);
        noRelation ??= aggregation is { } why ? $"SELECT #{select.Ordinal} {why.Reason}: its output is computed from the mutated rows, not made of them" : null;
        if (select.From is not null)
        {
            WalkTable(select.From, flag, live);
        }

        if (select.Where is { } where)
        {
            Offer(select, Clause.Where, flag, live);
            WalkExpr(where, flag, live);
        }

        if (aggregation is not { CoversHaving: true })
        {
            noRelation = outer;
        }

        if (select.GroupBy is { } groupBy)
        {
            foreach (var item in groupBy)
            {
                WalkExpr(item, flag, false);
            }
        }

        if (select.Having is { } having)
        {
            Offer(select, Clause.Having, flag, live);
            WalkExpr(having, flag, live);
        }

        noRelation = outer;
    }

    private void WalkSetOp(SetOpQuery setOp, bool flag, bool live, bool chainLeft)
    {
        Offer(setOp, Clause.Itself, flag, live, chainLeft);
        WalkQuery(setOp.Left, flag, live, true);
        WalkQuery(setOp.Right, flag, live && setOp.Kind != SetOpKind.Except, false);
    }

    private void WalkTable(TableRef table, bool flag, bool live)
    {
        switch (table)
        {
            case DerivedTable derived:
                WalkQuery(derived.Query, flag, live, false);
                break;
            case ParenTableRef paren:
                WalkTable(paren.Inner, flag, live);
                break;
            case JoinRef join:
                var reached = live && !join.IsOuter;
                WalkTable(join.Left, flag, reached);
                WalkTable(join.Right, flag, reached);
                if (join.On is { } on)
                {
                    Offer(join, Clause.On, flag, reached);
                    WalkExpr(on, flag, reached);
                }

                break;
        }
    }
}
