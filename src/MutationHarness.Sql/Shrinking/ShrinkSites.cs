using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;
using MutationHarness.Sql.Parsing;

namespace MutationHarness.Sql.Shrinking;

/// <summary>Finds the places a statement can shrink, biggest cuts first: derived-table layers, joins, WHERE and HAVING
/// clauses, conjuncts and disjuncts, select-list items. Whether a cut keeps the pair valid is for the caller to check.</summary>
internal sealed class ShrinkSites(SyntaxTree tree)
{
    private readonly List<ShrinkEdit> _layers = [];
    private readonly List<ShrinkEdit> _joins = [];
    private readonly List<ShrinkEdit> _clauses = [];
    private readonly List<ShrinkEdit> _terms = [];
    private readonly List<ShrinkEdit> _items = [];

    public IEnumerable<ShrinkEdit> Find()
    {
        Walk(tree.Root);
        return [.. _layers, .. _joins, .. _clauses, .. _terms, .. _items];
    }

    private string Text(Node node) => tree.Source[node.Start..node.End];

    private void Walk(Query query)
    {
        switch (query)
        {
            case SelectQuery select:
                WalkSelect(select);
                break;
            case SetOpQuery set:
                Walk(set.Left);
                Walk(set.Right);
                break;
            case ParenQuery paren:
                Walk(paren.Inner);
                break;
            case WithQuery with:
                foreach (var cte in with.Ctes)
                    Walk(cte.Body);
                Walk(with.Body);
                break;
        }
    }

    private void WalkSelect(SelectQuery select)
    {
        for (var i = 0; select.Items.Count > 1 && i < select.Items.Count; i++)
        {
            var span = i < select.Items.Count - 1
                ? (select.Items[i].Value.Start, select.Items[i + 1].Value.Start)
                : (ItemEnd(select.Items[i - 1]), ItemEnd(select.Items[i]));
            _items.Add(ShrinkEdit.Delete($"drop select item #{i + 1} ({ShrinkEdit.Shorten(Text(select.Items[i].Value))})", span));
        }
        foreach (var item in select.Items)
            Walk(item.Value);
        if (select.From is { } from)
            Walk(from);
        Clause("WHERE", select.Where, Keyword.WHERE);
        Clause("HAVING", select.Having, Keyword.HAVING);
        foreach (var group in select.GroupBy ?? [])
            Walk(group);
    }

    private void Clause(string name, Expr? condition, Keyword keyword)
    {
        if (condition is null)
            return;
        var at = Array.FindLastIndex(tree.Tokens, t => t.End <= condition.Start && t.Is(keyword));
        // From the end of what precedes the keyword, so no space is left behind.
        if (at > 0)
            _clauses.Add(ShrinkEdit.Delete($"drop the {name} clause", (tree.Tokens[at - 1].End, condition.End)));
        Walk(condition);
    }

    private void Walk(TableRef table)
    {
        switch (table)
        {
            case DerivedTable derived:
                _layers.Add(ShrinkEdit.KeepOnly($"keep only the derived table {derived.Alias ?? ""}'s query", derived.Query.Start, derived.Query.End));
                Walk(derived.Query);
                break;
            case JoinRef join:
                _joins.Add(ShrinkEdit.Delete($"drop the joined {ShrinkEdit.Shorten(Text(join.Right))}", (join.Left.End, join.End)));
                _joins.Add(ShrinkEdit.Delete($"drop {ShrinkEdit.Shorten(Text(join.Left))} from the join", (join.Start, join.Right.Start), (join.Right.End, join.End)));
                Walk(join.Left);
                Walk(join.Right);
                if (join.On is { } on)
                    Walk(on);
                break;
            case ParenTableRef paren:
                Walk(paren.Inner);
                break;
        }
    }

    private void Walk(Expr expr)
    {
        switch (expr)
        {
            case BinaryExpr { Op: BinaryOp.And or BinaryOp.Or } logic:
                var term = logic.Op == BinaryOp.And ? "conjunct" : "disjunct";
                _terms.Add(ShrinkEdit.Delete($"drop the {term} {ShrinkEdit.Shorten(Text(logic.Right))}", (logic.Left.End, logic.Right.End)));
                _terms.Add(ShrinkEdit.Delete($"drop the {term} {ShrinkEdit.Shorten(Text(logic.Left))}", (logic.Left.Start, logic.Right.Start)));
                break;
            case SubqueryExpr sub:
                Walk(sub.Query);
                return;
            case ExistsExpr exists:
                Walk(exists.Query);
                return;
            case InQueryExpr inQuery:
                Walk(inQuery.Operand);
                Walk(inQuery.Query);
                return;
            case QuantifiedExpr quantified:
                Walk(quantified.Left);
                Walk(quantified.Query);
                return;
        }
        foreach (var child in Children(expr))
            Walk(child);
    }

    private static IEnumerable<Expr> Children(Expr expr) => (expr switch
    {
        BinaryExpr binary => [binary.Left, binary.Right],
        ParenExpr paren => [paren.Inner],
        UnaryExpr unary => [unary.Operand],
        IsExpr test => [test.Operand],
        BetweenExpr between => [between.Operand, between.Low, between.High],
        InListExpr inList => inList.Items.Prepend(inList.Operand),
        MatchExpr match => [match.Operand, match.Pattern],
        RowExpr row => row.Items,
        CaseExpr @case => @case.Whens.SelectMany(w => new[] { w.When, w.Then }).Prepend(@case.Operand).Append(@case.Else),
        CallExpr call => call.Args.Select(a => a.Value),
        CastExpr cast => [cast.Operand],
        CollateExpr collate => [collate.Operand],
        IntervalExpr interval => [interval.Amount],
        _ => Enumerable.Empty<Expr?>(),
    }).OfType<Expr>();

    // An item ends after its alias, if it has one (with or without AS).
    private int ItemEnd(SelectItem item)
    {
        if (item.Alias is null)
            return item.Value.End;
        var next = Array.FindIndex(tree.Tokens, t => t.Start >= item.Value.End);
        if (next < 0)
            return item.Value.End;
        if (tree.Tokens[next].Is(Keyword.AS) && next + 1 < tree.Tokens.Length)
            next++;
        return tree.Tokens[next].End;
    }
}
