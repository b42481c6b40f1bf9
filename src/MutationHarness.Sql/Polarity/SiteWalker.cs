using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Polarity;

/// <summary>Walks a query from the top with flag = true (monotone), flipping it under negations (SEMANTICS §3),
/// and offers every place it reaches to the strategy rules, which list their sites there (the walk knows no
/// strategy). Below a stop the walk goes on, so a mutant there can be named, but its sites carry the first stop
/// above them and are never mined: the reason a mutant there does not conform.</summary>
internal sealed partial class SiteWalker
{
    private readonly List<Site> _sites = [];
    private readonly StrategyRuleSet _rules;
    private readonly Strategy? _only;

    private SiteWalker(string source, StrategyRuleSet rules, Strategy? only)
    {
        Source = source;
        _rules = rules;
        _only = only;
    }

    public string Source { get; }

    /// <summary>All sites of the product's strategies, or only those of one strategy.</summary>
    public static List<Site> Walk(SyntaxTree tree, Strategy? only = null) => Walk(tree, StrategyRuleSet.Default, only);

    /// <summary>All sites of a rule set's strategies, or only those of one strategy.</summary>
    public static List<Site> Walk(SyntaxTree tree, StrategyRuleSet rules, Strategy? only)
    {
        var walker = new SiteWalker(tree.Source, rules, only);
        walker.WalkQuery(tree.Root, true, null, false);
        return walker._sites;
    }

    public bool Wants(Strategy strategy) => _only is null || ReferenceEquals(_only, strategy);

    public void Add(Strategy strategy, Node target, bool flag, Stop? stop, string? unmet, string kind, int ordinal, int offset)
    {
        if (Wants(strategy))
        {
            _sites.Add(new Site(strategy, target, flag, stop, unmet, kind, ordinal, offset));
        }
    }

    private void Offer(Node node, Clause clause, bool flag, Stop? stop, bool isLeftOperand = false)
    {
        var offer = new SiteOffer(this, node, clause, flag, stop, isLeftOperand);
        if (_only is not null)
        {
            _only.Rule.FindSites(offer);
            return;
        }

        foreach (var rule in _rules.Rules)
        {
            rule.FindSites(offer);
        }
    }

    private void WalkQuery(Query query, bool flag, Stop? stop, bool chainLeft)
    {
        // LIMIT keeps the first rows: more rows below it can push others out, so nothing inside keeps a relation.
        stop ??= Aggregation.OfLimit(query.Limit) is { } limit ? Stops.NoRelation(limit) : null;
        switch (query)
        {
            case SelectQuery select:
                WalkSelect(select, flag, stop);
                break;
            case SetOpQuery setOp:
                WalkSetOp(setOp, flag, stop, chainLeft);
                break;
            case ParenQuery paren:
                WalkQuery(paren.Inner, flag, stop, false);
                break;
            case ValuesQuery values:
                // The rows are written out: each is a row constructor, below which nothing is mined.
                values.Rows.ForEach(row => WalkExpr(row, flag, stop ?? Stops.ValuesRow));
                break;
            case WithQuery with:
                WalkWith(with, flag, stop);
                break;
        }

        if (query.OrderBy is { } order)
        {
            foreach (var item in order)
            {
                WalkExpr(item.Value, flag, stop ?? Stops.OrderBy);
            }
        }
    }

    private void WalkSelect(SelectQuery select, bool flag, Stop? stop)
    {
        // DISTINCT and HAVING act on the aggregated rows (HAVING not on a window's, neither on any row's value of a
        // group), so only what feeds the aggregation has no expected relation: FROM, its joins and WHERE, and
        // everything below them.
        var aggregation = Aggregation.Of(select);
        var fed = stop ?? (aggregation is { } why ? Stops.NoRelation($"SELECT #{select.Ordinal} {why.Reason}") : null);
        Offer(select, Clause.Itself, flag, aggregation is { AnyRow: true } ? fed : stop);
        foreach (var item in select.Items)
        {
            WalkExpr(item.Value, flag, stop ?? Stops.SelectList);
        }

        if (select.From is not null)
        {
            WalkTable(select.From, flag, fed);
        }

        if (select.Where is { } where)
        {
            Offer(select, Clause.Where, flag, fed);
            WalkExpr(where, flag, fed);
        }

        if (select.GroupBy is { } groupBy)
        {
            foreach (var item in groupBy)
            {
                WalkExpr(item, flag, stop ?? Stops.GroupBy);
            }
        }

        if (select.Having is { } having)
        {
            var grouped = aggregation is { CoversHaving: true } ? fed : stop;
            Offer(select, Clause.Having, flag, grouped);
            WalkExpr(having, flag, grouped);
        }
    }

    /// <summary>UNION and INTERSECT keep the flag on both sides; EXCEPT flips it on the right, whose rows remove rows.</summary>
    private void WalkSetOp(SetOpQuery setOp, bool flag, Stop? stop, bool chainLeft)
    {
        Offer(setOp, Clause.Itself, flag, stop, chainLeft);
        WalkQuery(setOp.Left, flag, stop, true);
        WalkQuery(setOp.Right, setOp.Kind == SetOpKind.Except ? !flag : flag, stop, false);
    }

    private void WalkTable(TableRef table, bool flag, Stop? stop)
    {
        switch (table)
        {
            case TableName name:
                NoteReference(name, flag, stop);
                break;
            case DerivedTable derived:
                WalkQuery(derived.Query, flag, stop, false);
                break;
            case ParenTableRef paren:
                WalkTable(paren.Inner, flag, stop);
                break;
            case JsonTable json:
                // JSON_TABLE is a function of its document and path: nothing below them is mined.
                WalkExpr(json.Document, flag, stop ?? Stops.JsonTableArgument);
                WalkExpr(json.Path, flag, stop ?? Stops.JsonTableArgument);
                break;
            case JoinRef join:
                var reached = stop ?? (join.IsOuter ? Stops.OuterJoin : null);
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
