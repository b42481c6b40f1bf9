namespace MutationHarness.Sql.Generation.Soundness;

/// <summary>Conditions: comparisons (also across collations and under COLLATE), IN lists, LIKE, BETWEEN, constant
/// LIKE / REGEXP, NOT / IS [NOT] TRUE|FALSE / AND / OR, and subqueries (IN, EXISTS, ANY / ALL), correlated or not.</summary>
internal sealed partial class SoundnessSeedBuilder
{
    private static readonly string[] Comparisons = ["=", "<", ">", "<=", ">=", "!=", "<>", "=", "<=>"];
    private static readonly string[] IsTests = ["IS TRUE", "IS FALSE", "IS NOT TRUE", "IS NOT FALSE"];
    private static readonly string[] LikePatterns = ["'a%'", "'%b'", "'_'", "'a_'", "'%a%'", "'A%'", "'%'", "'a\\_%'"];
    private static readonly string[] ConstantPatterns =
    [
        "'ab' LIKE 'a%'", "'aB' LIKE '%b'", "'abc' LIKE 'a_c'", "'a_b' LIKE 'a\\_b'", "'abc' LIKE '%b%'",
        "'abc' REGEXP '^a.+c$'", "'aab' REGEXP 'a*b'", "'ab' REGEXP 'a?b'", "'a+b' REGEXP 'a[+]b'", "'abc' REGEXP 'b+'",
    ];

    private string Condition(List<Column> scope)
    {
        _depth++;
        var leaf = _depth > MaxDepth + 1;
        var text = (leaf ? Chance(6) : Chance(18)) switch
        {
            0 or 1 => Comparison(scope),
            2 => InList(scope),
            3 => Like(scope),
            4 => Between(scope),
            5 => Chance(3) == 0 ? $"NOT ({Pick(ConstantPatterns)})" : Pick(ConstantPatterns),
            6 => $"NOT ({Condition(scope)})",
            7 => $"({Condition(scope)}) {Pick(IsTests)}",
            8 or 9 => $"({Condition(scope)}) AND ({Condition(scope)})",
            10 => $"({Condition(scope)}) OR ({Condition(scope)})",
            11 or 12 => InSubquery(scope),
            13 or 14 => Exists(scope),
            15 => Quantified(scope),
            16 => Collated(scope),
            _ => Comparison(scope),
        };
        _depth--;
        return text;
    }

    private Column? StringColumn(List<Column> scope) =>
        scope.Where(c => c.IsString).ToList() is { Count: > 0 } strings ? Pick(strings) : null;

    private string Operand(List<Column> scope, ValueKind kind)
    {
        var fitting = scope.Where(c => Compatible(c.Kind, kind)).ToList();
        return fitting.Count > 0 && Chance(3) == 0 ? Pick(fitting).Ref : Pick(SoundnessSchema.Values(kind));
    }

    private string Comparison(List<Column> scope)
    {
        if (scope.Count == 0)
        {
            return $"{Pick(SoundnessSchema.Values(ValueKind.Int))} {Pick(Comparisons)} {Pick(SoundnessSchema.Values(ValueKind.Int))}";
        }

        var left = Pick(scope);
        return $"{left.Ref} {Pick(Comparisons)} {Operand(scope, left.Kind)}";
    }

    private string InList(List<Column> scope)
    {
        var column = scope.Count > 0 ? Pick(scope) : new Column("1", ValueKind.Int);
        var items = Enumerable.Range(0, 1 + Chance(3)).Select(_ => Pick(SoundnessSchema.Values(column.Kind)));
        return $"{column.Ref} {(Chance(3) == 0 ? "NOT " : string.Empty)}IN ({string.Join(", ", items)})";
    }

    private string Like(List<Column> scope) => StringColumn(scope) is { } column
        ? $"{column.Ref} {(Chance(3) == 0 ? "NOT " : string.Empty)}LIKE {Pick(LikePatterns)}"
        : Comparison(scope);

    private string Between(List<Column> scope)
    {
        var column = scope.Count > 0 ? Pick(scope) : new Column("0", ValueKind.Int);
        var values = SoundnessSchema.Values(column.Kind);
        return $"{column.Ref} {(Chance(3) == 0 ? "NOT " : string.Empty)}BETWEEN {Pick(values)} AND {Pick(values)}";
    }

    /// <summary>A string compared under an explicit collation: the binary one, or the case-insensitive one.</summary>
    private string Collated(List<Column> scope) => StringColumn(scope) is { Kind: not ValueKind.NoPad } column
        ? $"{column.Ref} COLLATE {(Chance(2) == 0 ? "utf8mb4_bin" : "utf8mb4_general_ci")} {Pick(Comparisons[..7])} {Pick(SoundnessSchema.Values(column.Kind))}"
        : Comparison(scope);

    private string InSubquery(List<Column> scope)
    {
        if (!CanNest || scope.Count == 0)
        {
            return InList(scope);
        }

        var column = Pick(scope);
        var (body, _) = Body([column.Kind], Chance(2) == 0 ? scope : []);
        return $"{column.Ref} {(Chance(3) == 0 ? "NOT " : string.Empty)}IN ({body})";
    }

    private string Exists(List<Column> scope)
    {
        if (!CanNest)
        {
            return Comparison(scope);
        }

        var outer = _underExists;
        _underExists = true;
        var (body, _) = Body(null, Chance(3) == 0 ? [] : scope);
        _underExists = outer;
        return $"{(Chance(3) == 0 ? "NOT " : string.Empty)}EXISTS ({body})";
    }

    private string Quantified(List<Column> scope)
    {
        if (!CanNest || scope.Count == 0)
        {
            return Comparison(scope);
        }

        var column = Pick(scope);
        var (body, _) = Body([column.Kind], Chance(2) == 0 ? scope : []);
        return $"{column.Ref} {Pick(Comparisons[..7])} {Pick(new[] { "ANY", "SOME", "ALL" })} ({body})";
    }
}
