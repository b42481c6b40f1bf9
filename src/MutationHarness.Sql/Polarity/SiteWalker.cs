using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Parsing;

namespace MutationHarness.Sql.Polarity;

/// <summary>Walks a query from the top with flag = true (monotone), flipping it under negations (SEMANTICS §3),
/// and lists every syntactic site of every strategy; sites below a stop are listed as not reachable.</summary>
internal sealed partial class SiteWalker
{
    private readonly List<Site> sites = [];
    private readonly string source;

    private readonly Strategy? only;

    // Why the sites being walked have no expected relation: set while below a SELECT that aggregates.
    private string? noRelation;

    private SiteWalker(string source, Strategy? only)
    {
        this.source = source;
        this.only = only;
    }

    /// <summary>All sites, or only those of one strategy.</summary>
    public static List<Site> Walk(SyntaxTree tree, Strategy? only = null)
    {
        var walker = new SiteWalker(tree.Source, only);
        walker.WalkQuery(tree.Root, true, true, false);
        return walker.sites;
    }

    private void Add(Strategy strategy, Node target, bool flag, bool live, string? unmet, string kind, int ordinal, int offset)
    {
        if (only is null || only == strategy)
        {
            sites.Add(new Site(strategy, target, flag, live, unmet, kind, ordinal, offset) { NoRelation = noRelation });
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
        var n = select.Ordinal;
        Add(Strategy.FixMDistinctU, select, flag, live, select.IsDistinct ? null : "the SELECT has no DISTINCT", "SELECT", n, select.Start);
        var unmetL = select.IsDistinct ? "the SELECT already has DISTINCT"
            : select.OrderBy is not null ? "the SELECT has ORDER BY"
            : select.CarriesWith ? "the SELECT carries a WITH clause" : null;
        Add(Strategy.FixMDistinctL, select, flag, live, unmetL, "SELECT", n, select.Start);
        foreach (var item in select.Items)
        {
            WalkExpr(item.Value, flag, false);
        }

        // DISTINCT and HAVING act on the aggregated rows (HAVING not on a window's), so only what feeds the
        // aggregation loses the relation: FROM, its joins and WHERE, and everything below them.
        var outer = noRelation;
        var aggregation = Aggregation.Of(select);
        noRelation ??= aggregation is { } why ? $"SELECT #{n} {why.Reason}: its output is computed from the mutated rows, not made of them" : null;
        if (select.From is not null)
        {
            WalkTable(select.From, flag, live);
        }

        if (select.Where is { } where)
        {
            Add(Strategy.FixMWhere1U, select, flag, live, null, "WHERE of SELECT", n, where.Start);
            Add(Strategy.FixMWhere0L, select, flag, live, null, "WHERE of SELECT", n, where.Start);
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
            Add(Strategy.FixMHaving1U, select, flag, live, null, "HAVING of SELECT", n, having.Start);
            Add(Strategy.FixMHaving0L, select, flag, live, null, "HAVING of SELECT", n, having.Start);
            WalkExpr(having, flag, live);
        }

        noRelation = outer;
    }

    private void WalkSetOp(SetOpQuery setOp, bool flag, bool live, bool chainLeft)
    {
        if (setOp.Kind == SetOpKind.Union)
        {
            var all = setOp.Quantifier == SetQuantifier.All;
            Add(Strategy.FixMUnionAllU, setOp, flag, live, all ? "the operator is already UNION ALL" : null, "UNION", 0, setOp.OpStart);
            Add(Strategy.FixMUnionAllL, setOp, flag, live, all ? null : "the operator is not UNION ALL", "UNION", 0, setOp.OpStart);
            var pair = !chainLeft && IsSingleSelect(setOp.Left) && IsSingleSelect(setOp.Right);
            var unmet = !all ? "the operator is not UNION ALL" : pair ? null : "the list does not have exactly two SELECTs";
            Add(Strategy.FixMRmUnionAllL, setOp, flag, live, unmet, "UNION ALL list", 0, setOp.Start);
        }

        WalkQuery(setOp.Left, flag, live, true);
        WalkQuery(setOp.Right, flag, live && setOp.Kind != SetOpKind.Except, false);
    }

    private static bool IsSingleSelect(Query query)
    {
        while (query is ParenQuery paren)
        {
            query = paren.Inner;
        }

        return query is SelectQuery;
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
                    Add(Strategy.FixMOn1U, join, flag, reached, null, "ON of JOIN", 0, on.Start);
                    Add(Strategy.FixMOn0L, join, flag, reached, null, "ON of JOIN", 0, on.Start);
                    WalkExpr(on, flag, reached);
                }

                break;
        }
    }
}
