using System.Text;

namespace MutationHarness.Sql.Generation;

/// <summary>Builds one training seed in upstream's shape (nested derived tables, inner joins with ON, WHERE and
/// HAVING, subquery predicates under NOT / IS FALSE, two-SELECT UNION lists) with the plant made at exactly one
/// place, at the polarity asked for. Nothing it writes aggregates, limits or depends on time or chance on the
/// server, so every mutant of it has an expected relation. Aliases (tN, fN) are unique in the query.</summary>
internal sealed partial class TrainingSeedBuilder(Random random, int maxDepth)
{
    private static readonly string[] JoinWords = ["JOIN", "INNER JOIN", "STRAIGHT_JOIN", "JOIN", "INNER JOIN"];
    private static readonly int[] Widths = [1, 1, 1, 1, 2, 2, 2, 3];
    private int _nextAlias;
    private int _depth;

    // Subqueries and derived tables off the plant's path: as many as the depth, so the depth sets the length.
    private int _spare = maxDepth - 1;

    private bool CanNest => _depth < maxDepth;

    /// <summary>True (once per spare nesting) when a random part may hold a subquery or derived table.</summary>
    private bool SpareNest(int oneIn)
    {
        if (!CanNest || _spare == 0 || !Chance(oneIn))
            return false;
        _spare--;
        return true;
    }

    /// <summary>The seed; the plant (when given) is made under a negation when <paramref name="flipped"/>.</summary>
    public string Build(Plant? plant, bool flipped)
    {
        var (text, outputs, plainTop) = Query(null, plant, flipped, []);
        // A top-level ORDER BY now and then (not where FixMDistinctL's SELECT must have none).
        if (plainTop && plant?.Kind != PlantKind.NoDistinct && Chance(8))
            text += $" ORDER BY {outputs[0].Ref}";
        return text;
    }

    private string NewAlias(char kind) => $"{kind}{++_nextAlias}";

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private bool Chance(int oneIn) => random.Next(oneIn) == 0;

    /// <summary>A SELECT or a list of two joined by a set operator; <paramref name="shape"/> fixes the output columns'
    /// kinds (string or not) when a caller needs them (IN, ANY/ALL, the second SELECT of a union).</summary>
    private (string Text, List<ScopeColumn> Outputs, bool PlainSelect) Query(IReadOnlyList<bool>? shape, Plant? plant, bool flip, IReadOnlyList<ScopeColumn> outer)
    {
        var setOpHere = plant is { IsSetOperation: true } && !flip && (!CanNest || Chance(2));
        var decoration = (plant is null || !plant.IsSetOperation) && SpareNest(5);
        if (!setOpHere && !decoration)
        {
            var (text, outputs) = Select(shape, plant, flip, outer);
            return (text, outputs, true);
        }

        var word = (setOpHere ? plant!.Kind : (PlantKind?)null) switch
        {
            PlantKind.Union => Pick(["UNION", "UNION DISTINCT"]),
            PlantKind.UnionAll or PlantKind.UnionAllPair => "UNION ALL",
            _ => Pick(["UNION", "UNION ALL", "UNION ALL"]),
        };
        if (setOpHere)
            plant = null;
        // The plant (if it is not the operator itself) goes to one of the two SELECTs.
        var leftTakes = Chance(2);
        var (left, leftOutputs) = Select(shape, leftTakes ? plant : null, flip, outer);
        var (right, _) = Select(leftOutputs.Select(c => c.IsString).ToList(), leftTakes ? null : plant, flip, outer);
        var parenthesised = Chance(3);
        var textOut = parenthesised ? $"({left}) {word} ({right})" : $"{left} {word} {right}";
        return (textOut, leftOutputs, false);
    }

    private enum Route { None, Here, Derived, On, Where, Having }

    private (string Text, List<ScopeColumn> Outputs) Select(IReadOnlyList<bool>? shape, Plant? plant, bool flip, IReadOnlyList<ScopeColumn> outer)
    {
        _depth++;
        var route = RouteOf(plant, flip);
        var (from, scope) = From(route is Route.Derived or Route.On ? plant : null, flip, route);
        var text = new StringBuilder("SELECT ");
        var distinct = route == Route.Here && plant!.Kind == PlantKind.Distinct
            || (!(route == Route.Here && plant!.Kind == PlantKind.NoDistinct) && Chance(3));
        if (distinct)
            text.Append("DISTINCT ");

        var outputs = new List<ScopeColumn>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var width = shape?.Count ?? Pick(Widths);
        for (var i = 0; i < width; i++)
        {
            var alias = $"`{NewAlias('f')}`";
            var (item, isString) = Item(scope, shape?[i], used);
            text.Append(i > 0 ? ", " : string.Empty).Append(item).Append(" AS ").Append(alias);
            outputs.Add(new ScopeColumn(alias, isString));
        }

        text.Append(" FROM ").Append(from);
        var whereScope = outer.Count > 0 && Chance(2) ? [.. scope, .. outer] : scope;
        if (route == Route.Where || (route == Route.Here && plant!.Kind == PlantKind.Where) || Chance(2))
            text.Append(" WHERE ").Append(Condition(whereScope, route == Route.Where ? plant : null, flip, correlate: true));
        if (route == Route.Having || (route == Route.Here && plant!.Kind == PlantKind.Having) || Chance(5))
            text.Append(" HAVING ").Append(Condition(outputs, route == Route.Having ? plant : null, flip, correlate: false));
        _depth--;
        return (text.ToString(), outputs);
    }

    /// <summary>Where in this SELECT the plant goes: made here (a DISTINCT, a WHERE …), in a derived table, in a
    /// join's ON, or in the WHERE or HAVING condition (which reaches a flipped place or a subquery).</summary>
    private Route RouteOf(Plant? plant, bool flip)
    {
        if (plant is null)
            return Route.None;
        if (plant.IsSelectPart && !flip && (!CanNest || Chance(2)))
            return Route.Here;
        if (plant.Kind == PlantKind.On && !flip && (!CanNest || Chance(2)))
            return Route.On;
        if (CanNest && Chance(4))
            return Route.Derived;
        if (plant.IsCondition && Chance(5))
            return Route.On;
        return Chance(4) ? Route.Having : Route.Where;
    }

    private (string Text, List<ScopeColumn> Scope) From(Plant? plant, bool flip, Route route)
    {
        var items = route == Route.On ? 2 + (Chance(4) ? 1 : 0) : Chance(2) ? 1 : Chance(5) ? 3 : 2;
        var derived = route == Route.Derived ? random.Next(items) : -1;
        var joinWithPlant = route == Route.On ? 1 + random.Next(items - 1) : -1;
        var text = new StringBuilder();
        var scope = new List<ScopeColumn>();
        for (var i = 0; i < items; i++)
        {
            var (item, columns) = FromItem(i == derived ? plant : null, flip, forceDerived: i == derived);
            scope.AddRange(columns);
            if (i == 0)
            {
                text.Append(item);
                continue;
            }

            var on = i == joinWithPlant || !Chance(4);
            var word = on ? Pick(JoinWords) : "CROSS JOIN";
            text.Append(' ').Append(word).Append(' ').Append(item);
            if (on)
            {
                // An ON plant is the ON itself; a condition plant is made inside it.
                var inside = i == joinWithPlant && plant is { IsCondition: true } ? plant : null;
                text.Append(" ON ").Append(Condition(scope, inside, flip, correlate: true));
            }
        }

        return (text.ToString(), scope);
    }

    private (string Text, List<ScopeColumn> Columns) FromItem(Plant? plant, bool flip, bool forceDerived)
    {
        if (forceDerived || SpareNest(3))
        {
            var (inner, outputs, _) = Query(null, plant, flip, []);
            var alias = NewAlias('t');
            return ($"({inner}) AS `{alias}`", outputs.Select(c => c with { Ref = $"`{alias}`.{c.Ref}" }).ToList());
        }

        var table = NewAlias('t');
        // A few of the table's columns, drawn without repeats (a partial Fisher–Yates shuffle).
        var all = FixtureColumns.All;
        var order = new int[all.Count];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        var count = 3 + random.Next(4);
        var columns = new List<ScopeColumn>(count);
        for (var i = 0; i < count; i++)
        {
            var j = i + random.Next(order.Length - i);
            (order[i], order[j]) = (order[j], order[i]);
            columns.Add(new ScopeColumn($"`{table}`.`{all[order[i]].Name}`", all[order[i]].IsString));
        }

        return ($"`{Pick(SeedQueryGenerator.Tables)}` AS `{table}`", columns);
    }
}
