using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql.Polarity;

/// <summary>An aggregate inside a subquery whose columns all belong to the enclosing SELECT aggregates that SELECT,
/// not the subquery: <c>SELECT (SELECT SUM(t.a)) FROM t</c> returns one row.</summary>
internal static partial class Aggregation
{
    private static CallExpr? OuterAggregate(SelectQuery select, List<Query> subqueries)
    {
        var outerNames = DeclaredNames(select.From).ToHashSet(StringComparer.Ordinal);
        var calls = new List<CallExpr>();
        foreach (var query in subqueries)
        {
            var innerNames = Selects(query).SelectMany(s => DeclaredNames(s.From)).ToHashSet(StringComparer.Ordinal);
            foreach (var inner in Selects(query))
            {
                calls.Clear();
                foreach (var expr in ExpressionsOf(inner))
                {
                    AggregateCalls(expr, calls);
                }

                foreach (var call in calls)
                {
                    var columns = call.Args.Where(a => a.Value is not null).SelectMany(a => ColumnsOutsideAggregates(a.Value!)).ToList();
                    if (columns.Count > 0 && columns.All(c => c.Parts.Count == 1
                            ? inner.From is null
                            : outerNames.Contains(c.Parts[^2]) && !innerNames.Contains(c.Parts[^2])))
                        return call;
                }
            }
        }

        return null;
    }

    /// <summary>The subqueries an expression holds directly (not those inside them).</summary>
    private static IEnumerable<Query> Subqueries(Expr? expr)
    {
        if (expr is null)
            yield break;
        var own = expr switch
        {
            SubqueryExpr s => s.Query,
            ExistsExpr e => e.Query,
            InQueryExpr i => i.Query,
            QuantifiedExpr q => q.Query,
            _ => null,
        };
        if (own is not null)
            yield return own;
        foreach (var child in Children(expr))
        {
            foreach (var found in Subqueries(child))
                yield return found;
        }
    }

    /// <summary>Every SELECT of a query, at any depth (set operations, CTEs, derived tables, subqueries).</summary>
    private static IEnumerable<SelectQuery> Selects(Query query)
    {
        switch (query)
        {
            case SelectQuery select:
                yield return select;
                foreach (var nested in ExpressionsOf(select).SelectMany(Subqueries).Concat(DerivedQueries(select.From)).SelectMany(Selects))
                    yield return nested;
                break;
            case SetOpQuery setOp:
                foreach (var s in Selects(setOp.Left).Concat(Selects(setOp.Right)))
                    yield return s;
                break;
            case ParenQuery paren:
                foreach (var s in Selects(paren.Inner))
                    yield return s;
                break;
            case WithQuery with:
                foreach (var s in with.Ctes.SelectMany(c => Selects(c.Body)).Concat(Selects(with.Body)))
                    yield return s;
                break;
        }
    }

    private static IEnumerable<Expr> ExpressionsOf(SelectQuery select) =>
        select.Items.Select(i => i.Value)
            .Append(select.Where).Append(select.Having)
            .Concat(select.GroupBy ?? []).Concat(select.OrderBy?.Select(o => o.Value) ?? [])
            .Concat(JoinConditions(select.From))
            .OfType<Expr>();

    private static IEnumerable<Expr?> JoinConditions(TableRef? table) => table switch
    {
        JoinRef join => JoinConditions(join.Left).Concat(JoinConditions(join.Right)).Append(join.On),
        ParenTableRef paren => JoinConditions(paren.Inner),
        _ => [],
    };

    private static IEnumerable<Query> DerivedQueries(TableRef? table) => table switch
    {
        DerivedTable derived => [derived.Query],
        JoinRef join => DerivedQueries(join.Left).Concat(DerivedQueries(join.Right)),
        ParenTableRef paren => DerivedQueries(paren.Inner),
        _ => [],
    };

    /// <summary>The names a FROM clause declares: each table's alias, or its name.</summary>
    private static IEnumerable<string> DeclaredNames(TableRef? table) => table switch
    {
        TableName name => [name.Alias ?? name.Parts[^1]],
        DerivedTable derived when derived.Alias is not null => [derived.Alias],
        JoinRef join => DeclaredNames(join.Left).Concat(DeclaredNames(join.Right)),
        ParenTableRef paren => DeclaredNames(paren.Inner),
        _ => [],
    };
}
