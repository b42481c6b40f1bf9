using System.Globalization;
using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql.Polarity;

/// <summary>GROUP BY beside a selected expression that is neither grouped nor aggregated: the server returns any
/// row's value for it. A GROUP BY name is read as a column of FROM (MariaDB looks there before the select
/// aliases), so grouping by an alias only counts when the alias names that same column.</summary>
internal static partial class Aggregation
{
    /// <summary>What is selected ungrouped, phrased to be followed by "neither grouped nor aggregated", or null.</summary>
    private static string? Ungrouped(List<SelectItem> items, List<Expr> groupBy)
    {
        var groups = groupBy.Select(Bare).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var value = Bare(items[i].Value);
            if (value is NameExpr { Star: true })
                return "*,";
            var position = (i + 1).ToString(CultureInfo.InvariantCulture);
            if (groups.Any(g => g is Literal { Kind: LiteralKind.Number } number && number.Text == position || SameExpr(g, value)))
                continue;
            foreach (var column in ColumnsOutsideAggregates(value))
            {
                if (groups.Any(g => g is NameExpr group && SameColumn(group, column)))
                    continue;
                var name = "`" + column.Parts[^1] + "`";
                return items[i].Alias is { } alias && groups.Any(g => g is NameExpr { Parts: [var only] } && string.Equals(only, alias, StringComparison.OrdinalIgnoreCase))
                    ? $"{name} AS `{alias}`, while GROUP BY `{alias}` reads a column of FROM before the alias, so {name} is"
                    : name + ",";
            }
        }

        return null;
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
