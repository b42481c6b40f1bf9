using System.Text;

namespace MutationHarness.Sql.Generation.Soundness;

/// <summary>Builds one self-test seed over <see cref="SoundnessSchema"/>: WITH (CTEs read from FROM, joins and
/// subqueries, also under NOT IN / NOT EXISTS), set operations (UNION, INTERSECT, EXCEPT, with ALL / DISTINCT),
/// derived tables, correlated subqueries, grouping with aggregates and HAVING, and string comparisons across
/// collations. Values compare like with like (<see cref="Compatible"/>), so seeds run; aliases (tN, fN, cN) are unique.</summary>
internal sealed partial class SoundnessSeedBuilder(Random random)
{
    private const int MaxDepth = 3;
    private static readonly string[] SetOperators = ["UNION", "UNION ALL", "UNION DISTINCT", "INTERSECT", "INTERSECT ALL", "EXCEPT", "EXCEPT ALL", "UNION ALL"];
    private readonly List<(string Name, List<Column> Columns)> _ctes = [];
    private int _nextAlias;
    private int _depth;
    private bool _underExists;

    // Whether the last body made was a set operation (an ORDER BY after it orders the whole operation).
    private bool _setOperation;

    public string Query()
    {
        var text = Chance(5) < 2 ? With() : Body(null, []).Text;
        if (!_setOperation && Chance(10) == 0)
        {
            // Hidden aggregation: an aggregate in ORDER BY makes the whole SELECT aggregate.
            return text + " ORDER BY COUNT(*)";
        }

        return Chance(10) == 0 ? text + (Chance(2) == 0 ? " ORDER BY 1 LIMIT 2147483647" : " ORDER BY 1 LIMIT 3") : text;
    }

    private string NewAlias(char kind) => $"{kind}{++_nextAlias}";

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>A number below <paramref name="range"/>; <c>Chance(n) == 0</c> is a one-in-n chance.</summary>
    private int Chance(int range) => random.Next(range);

    private bool CanNest => _depth < MaxDepth;

    private static bool Compatible(ValueKind a, ValueKind b) => Family(a) == Family(b);

    private static int Family(ValueKind kind) => kind switch
    {
        ValueKind.Int or ValueKind.Dec => 0,
        ValueKind.NoPad => 2,
        _ => 1,
    };

    private string With()
    {
        var parts = new List<string>();
        for (var k = 0; k < 1 + Chance(2); k++)
        {
            var name = NewAlias('c');
            var (body, outputs) = Body(null, []);
            parts.Add($"`{name}` AS ({body})");
            _ctes.Add((name, outputs));
        }

        return "WITH " + string.Join(", ", parts) + " " + Body(null, []).Text;
    }

    /// <summary>A SELECT, or two (now and then three) joined by set operators with the same column kinds.</summary>
    private (string Text, List<Column> Outputs) Body(IReadOnlyList<ValueKind>? shape, IReadOnlyList<Column> outer)
    {
        if (!CanNest || Chance(3) != 0)
        {
            var select = Select(shape, outer);
            _setOperation = false;
            return select;
        }

        var (left, outputs) = Select(shape, outer);
        var kinds = outputs.Select(o => o.Kind).ToList();
        var text = Operand(left) + " " + Pick(SetOperators) + " " + Operand(Select(kinds, outer).Text);
        // MariaDB refuses (error 1222) a parenthesised set operation inside another one under EXISTS.
        if (Chance(4) == 0 && !_underExists)
        {
            text = $"({text}) {Pick(SetOperators)} {Operand(Select(kinds, outer).Text)}";
        }

        _setOperation = true;
        return (text, outputs);
    }

    private string Operand(string select) => Chance(3) == 0 ? $"({select})" : select;

    private (string Text, List<Column> Outputs) Select(IReadOnlyList<ValueKind>? shape, IReadOnlyList<Column> outer)
    {
        _depth++;
        var (from, scope) = From(outer);
        var grouped = Chance(4) == 0;
        var groupBy = grouped ? scope.OrderBy(_ => random.Next()).Take(1 + Chance(2)).ToList() : [];
        var text = new StringBuilder("SELECT ");
        if (Chance(3) == 0)
        {
            text.Append("DISTINCT ");
        }

        var outputs = new List<Column>();
        var width = shape?.Count ?? 1 + Chance(3);
        for (var i = 0; i < width; i++)
        {
            var (item, kind) = grouped ? GroupedItem(scope, groupBy, shape?[i]) : Item(scope, shape?[i]);
            var alias = NewAlias('f');
            text.Append(i > 0 ? ", " : string.Empty).Append(item).Append($" AS `{alias}`");
            outputs.Add(new Column($"`{alias}`", kind));
        }

        text.Append(" FROM ").Append(from);
        if (Chance(3) != 0)
        {
            text.Append(" WHERE ").Append(Condition([.. scope, .. outer.Take(Chance(2) == 0 ? outer.Count : 0)]));
        }

        if (grouped)
        {
            text.Append(" GROUP BY ").Append(string.Join(", ", groupBy.Select(c => c.Ref)));
        }

        if (Chance(grouped ? 2 : 6) == 0)
        {
            text.Append(" HAVING ").Append(Condition(grouped ? [.. outputs, .. groupBy] : outputs));
        }

        _depth--;
        return (text.ToString(), outputs);
    }

    private (string Text, List<Column> Scope) From(IReadOnlyList<Column> outer)
    {
        var (text, scope) = FromItem();
        var items = Chance(2) == 0 ? 1 : 2 + Chance(4) / 3;
        var builder = new StringBuilder(text);

        // An ON sees only the tables joined since the last comma (a comma binds looser than JOIN).
        var joined = new List<Column>(scope);
        for (var i = 1; i < items; i++)
        {
            var (right, columns) = FromItem();
            scope.AddRange(columns);
            switch (Chance(8))
            {
                case 0:
                    builder.Append(", ").Append(right);
                    joined = [.. columns];
                    break;
                case 1:
                    builder.Append(" CROSS JOIN ").Append(right);
                    joined.AddRange(columns);
                    break;
                case 2 or 3:
                    joined.AddRange(columns);
                    builder.Append(Chance(3) == 0 ? " RIGHT JOIN " : " LEFT JOIN ").Append(right).Append(" ON ").Append(Condition(joined));
                    break;
                default:
                    joined.AddRange(columns);
                    builder.Append(Chance(2) == 0 ? " JOIN " : " INNER JOIN ").Append(right).Append(" ON ").Append(Condition(joined));
                    break;
            }
        }

        return (builder.ToString(), scope);
    }

    private (string Text, List<Column> Columns) FromItem()
    {
        var alias = NewAlias('t');
        if (_ctes.Count > 0 && Chance(2) == 0)
        {
            var (name, columns) = Pick(_ctes);
            return ($"`{name}` AS `{alias}`", columns.Select(c => c with { Ref = $"`{alias}`.{c.Ref}" }).ToList());
        }

        if (CanNest && Chance(4) == 0)
        {
            var (inner, outputs) = Body(null, []);
            var cut = Chance(8) == 0 ? (Chance(2) == 0 ? " ORDER BY 1 LIMIT 2" : " ORDER BY 1 LIMIT 2147483647") : string.Empty;
            return ($"({inner}{cut}) AS `{alias}`", outputs.Select(c => c with { Ref = $"`{alias}`.{c.Ref}" }).ToList());
        }

        var table = Pick(SoundnessSchema.Tables);
        return ($"`{table}` AS `{alias}`", SoundnessSchema.Columns.Select(c => new Column($"`{alias}`.`{c.Name}`", c.Kind)).ToList());
    }

    /// <summary>A select-list item of the asked kind (any when null): a column, a literal, or a little arithmetic.</summary>
    private (string Text, ValueKind Kind) Item(List<Column> scope, ValueKind? kind)
    {
        var fitting = scope.Where(c => kind is null || Compatible(c.Kind, kind.Value)).ToList();
        if (fitting.Count == 0 || Chance(8) == 0)
        {
            var literalKind = kind ?? ValueKind.Int;
            return (Pick(SoundnessSchema.Values(literalKind)), literalKind);
        }

        var column = Pick(fitting);
        return Chance(12) switch
        {
            // Hidden aggregation: a subquery aggregating only this SELECT's column aggregates this SELECT.
            0 => ($"(SELECT {(Chance(2) == 0 ? "MAX" : "MIN")}({column.Ref}))", column.Kind),
            1 when !column.IsString => ("ROW_NUMBER() OVER (ORDER BY " + column.Ref + ")", ValueKind.Int),
            2 or 3 when !column.IsString => ($"{column.Ref} + 1", column.Kind),
            _ => (column.Ref, column.Kind),
        };
    }

    /// <summary>An item of a grouping SELECT: a grouped column, or an aggregate over the rows of the group.</summary>
    private (string Text, ValueKind Kind) GroupedItem(List<Column> scope, List<Column> groupBy, ValueKind? kind)
    {
        var grouped = groupBy.Where(c => kind is null || Compatible(c.Kind, kind.Value)).ToList();
        var ungrouped = scope.Except(groupBy).Where(c => kind is null || Compatible(c.Kind, kind.Value)).ToList();
        if (ungrouped.Count > 0 && Chance(8) == 0)
        {
            // Neither grouped nor aggregated: any row's value of the group.
            var column = Pick(ungrouped);
            return (column.Ref, column.Kind);
        }

        if (grouped.Count > 0 && Chance(2) == 0)
        {
            var column = Pick(grouped);
            return (column.Ref, column.Kind);
        }

        var fitting = scope.Where(c => kind is null || Compatible(c.Kind, kind.Value)).ToList();
        if (fitting.Count > 0 && (kind is not null && Family(kind.Value) != 0 || Chance(2) == 0))
        {
            var column = Pick(fitting);
            return ($"{(Chance(2) == 0 ? "MAX" : "MIN")}({column.Ref})", column.Kind);
        }

        return kind is null || Family(kind.Value) == 0 ? ("COUNT(*)", ValueKind.Int) : (Pick(SoundnessSchema.Values(kind.Value)), kind.Value);
    }
}
