using System.Globalization;
using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql.Polarity;

/// <summary>GROUP BY beside a selected expression that is neither grouped nor aggregated: the server returns any
/// row's value for it. A GROUP BY name is read as a column of FROM (MariaDB looks there before the select
/// aliases), so grouping by an alias counts only when the alias names that same column, or when no table of FROM
/// can have a column of that name (derived tables whose columns are all known; a base table's columns are not).</summary>
internal static partial class Aggregation
{
    /// <summary>What is selected ungrouped, phrased to be followed by "neither grouped nor aggregated", or null.</summary>
    private static string? Ungrouped(SelectQuery select, List<Expr> groupBy)
    {
        var items = select.Items;
        var groups = groupBy.Select(Bare).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var value = Bare(items[i].Value);
            if (value is NameExpr { Star: true })
                return "*,";
            var position = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (groups.Any(g => g is Literal { Kind: LiteralKind.Number } number && number.Text == position || SameExpr(g, value)))
                continue;
            if (items[i].Alias is { } named && groups.Any(g => NamesAlias(g, named)) && !MayHaveColumn(select.From, named))
                continue;
            foreach (var column in ColumnsOutsideAggregates(value))
            {
                if (groups.Any(g => g is NameExpr group && SameColumn(group, column)))
                    continue;
                var name = "`" + column.Parts[^1] + "`";
                return items[i].Alias is { } alias && groups.Any(g => NamesAlias(g, alias))
                    ? $"{name} AS `{alias}`, while GROUP BY `{alias}` reads a column of FROM before the alias, so {name} is"
                    : name + ",";
            }
        }

        return null;
    }

    private static bool NamesAlias(Expr group, string alias) =>
        group is NameExpr { Parts: [var only], Star: false } && string.Equals(only, alias, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a table of FROM may have a column of this name: true for a base table or a CTE (their columns
    /// are not known here) and for a derived table selecting *, else whether a derived table names one so.</summary>
    private static bool MayHaveColumn(TableRef? from, string column) => from switch
    {
        null => false,
        DerivedTable derived => derived.Columns is { } named
            ? named.Contains(column, StringComparer.OrdinalIgnoreCase)
            : OutputNames(derived.Query) is not { } names || names.Contains(column, StringComparer.OrdinalIgnoreCase),
        JoinRef join => MayHaveColumn(join.Left, column) || MayHaveColumn(join.Right, column),
        ParenTableRef paren => MayHaveColumn(paren.Inner, column),
        _ => true,
    };

    /// <summary>The column names a query's result carries (its first SELECT's aliases or bare column names), or null
    /// when one is not known (a *, an unaliased expression).</summary>
    private static List<string>? OutputNames(Query query)
    {
        switch (query)
        {
            case SelectQuery select:
                var names = new List<string>(select.Items.Count);
                foreach (var item in select.Items)
                {
                    switch (item.Alias, Bare(item.Value))
                    {
                        case ({ } alias, _):
                            names.Add(alias);
                            break;
                        case (null, NameExpr { Star: false, Parts.Count: > 0 } name):
                            names.Add(name.Parts[^1]);
                            break;
                        default:
                            // A * or an expression named by its own text: not known here.
                            return null;
                    }
                }

                return names;
            case SetOpQuery setOp:
                return OutputNames(setOp.Left);
            case ParenQuery paren:
                return OutputNames(paren.Inner);
            case WithQuery with:
                return OutputNames(with.Body);
            default:
                return null;
        }
    }

    /// <summary>The column references of an expression outside aggregate calls and subqueries.</summary>
    private static IEnumerable<NameExpr> ColumnsOutsideAggregates(Expr expr)
    {
        if (expr is NameExpr name)
        {
            if (!name.Star && name.Parts.Count > 0 && name.Parts[0] is not ['@', ..] and not ['?', ..])
                yield return name;
            yield break;
        }

        if (expr is CallExpr call && (!call.Over.IsEmpty || Aggregates.Contains(call.Name)))
            yield break;
        foreach (var child in Children(expr))
        {
            if (child is null)
                continue;
            foreach (var found in ColumnsOutsideAggregates(child))
                yield return found;
        }
    }

    /// <summary>The same column: equal names (without case), and equal qualifiers (with case) where both have one.</summary>
    private static bool SameColumn(NameExpr a, NameExpr b) =>
        a.Parts.Count > 0 && b.Parts.Count > 0 && !a.Star && !b.Star
        && string.Equals(a.Parts[^1], b.Parts[^1], StringComparison.OrdinalIgnoreCase)
        && (a.Parts.Count == 1 || b.Parts.Count == 1 || a.Parts[..^1].SequenceEqual(b.Parts[..^1], StringComparer.Ordinal));

    /// <summary>Structural equality of two expressions, as far as grouping needs it (false when unsure).</summary>
    private static bool SameExpr(Expr a, Expr b)
    {
        (a, b) = (Bare(a), Bare(b));
        return (a, b) switch
        {
            (NameExpr x, NameExpr y) => SameColumn(x, y),
            (Literal x, Literal y) => x.Kind == y.Kind && x.Text == y.Text && x.Prefix == y.Prefix,
            (BinaryExpr x, BinaryExpr y) => x.Op == y.Op && SameExpr(x.Left, y.Left) && SameExpr(x.Right, y.Right),
            (UnaryExpr x, UnaryExpr y) => x.Op == y.Op && SameExpr(x.Operand, y.Operand),
            (CallExpr x, CallExpr y) => string.Equals(x.Name, y.Name, StringComparison.OrdinalIgnoreCase) && x.Over.IsEmpty && y.Over.IsEmpty
                && x.Args.Count == y.Args.Count
                && x.Args.Zip(y.Args).All(p => p.First.Prefix == p.Second.Prefix
                    && (p.First.Value is null ? p.Second.Value is null : p.Second.Value is not null && SameExpr(p.First.Value, p.Second.Value))),
            _ => false,
        };
    }
}
