using System.Text;

namespace MutationHarness.Sql.Generation;

/// <summary>Builds one seed query; every alias (tN, fN) is unique in the query, so no name is ambiguous.</summary>
internal sealed partial class SeedBuilder(Random random)
{
    private const int MaxDepth = 3;
    private int _nextAlias;
    private int _depth;

    private string NewAlias(char kind) => $"{kind}{++_nextAlias}";

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private bool Chance(int oneIn) => random.Next(oneIn) == 0;

    public string Query()
    {
        var items = 1 + random.Next(3);
        switch (random.Next(10))
        {
            case 0 or 1:
                return $"({Select(items, out _)}) UNION {Pick(Quantifiers)}({Select(items, out _)})";
            case 2:
                return $"{Select(items, out _, allowOrder: false)} UNION ALL {Select(items, out _, allowOrder: false)}";
            case 3:
                var cte = NewAlias('c');
                var body = Select(items, out var columns);
                var table = NewAlias('t');
                return $"WITH `{cte}` AS ({body}) SELECT {string.Join(",", columns.Select(c => $"`{table}`.{c}"))} FROM `{cte}` AS `{table}`" + (Chance(2) ? $" WHERE {Condition(columns.Select(c => $"`{table}`.{c}").ToList())}" : string.Empty);
            default:
                return Select(items, out _);
        }
    }

    private static readonly string[] Quantifiers = [string.Empty, "ALL ", "DISTINCT "];

    private string Select(int items, out List<string> outputs, bool allowOrder = true)
    {
        _depth++;
        var (from, scope) = From();
        var text = new StringBuilder("SELECT ");
        if (Chance(3))
        {
            text.Append("DISTINCT ");
        }

        outputs = [];
        for (var i = 0; i < items; i++)
        {
            var alias = $"`{NewAlias('f')}`";
            text.Append(i > 0 ? "," : string.Empty).Append(Chance(2) ? $"({Value(scope)})" : Value(scope)).Append(" AS ").Append(alias);
            outputs.Add(alias);
        }

        text.Append(" FROM ").Append(from);
        if (Chance(2))
        {
            text.Append(" WHERE ").Append(Condition(scope));
        }

        if (Chance(3))
        {
            text.Append(" HAVING ").Append(Condition(outputs));
        }

        if (allowOrder && Chance(8))
        {
            text.Append(" ORDER BY ").Append(outputs[0]);
        }

        _depth--;
        return text.ToString();
    }

    private (string Text, List<string> Scope) From()
    {
        if (_depth < MaxDepth && Chance(3))
        {
            var (left, leftScope) = FromItem();
            var (right, rightScope) = FromItem();
            var scope = leftScope.Concat(rightScope).ToList();
            var kind = Pick(JoinKinds);
            var on = kind == "," ? string.Empty : kind.Contains("LEFT", StringComparison.Ordinal) || kind.Contains("RIGHT", StringComparison.Ordinal) || Chance(2) ? $" ON {Condition(scope)}" : string.Empty;
            return ($"{left} {kind} {right}{on}".Replace(" , ", ", ", StringComparison.Ordinal), scope);
        }

        return FromItem();
    }

    private static readonly string[] JoinKinds = ["JOIN", "INNER JOIN", "CROSS JOIN", "STRAIGHT_JOIN", "LEFT JOIN", "RIGHT JOIN", "LEFT OUTER JOIN", ","];

    private (string Text, List<string> Scope) FromItem()
    {
        var alias = NewAlias('t');
        if (_depth < MaxDepth && Chance(2))
        {
            var inner = Select(1 + random.Next(3), out var outputs);
            return ($"({inner}) AS `{alias}`", outputs);
        }

        var columns = Enumerable.Range(0, 4).Select(_ => $"`{alias}`.`{Pick(SeedQueryGenerator.Columns)}`").Distinct().ToList();
        return ($"`{Pick(SeedQueryGenerator.Tables)}` AS `{alias}`", columns);
    }
}
