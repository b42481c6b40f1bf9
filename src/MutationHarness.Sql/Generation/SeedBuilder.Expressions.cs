namespace MutationHarness.Sql.Generation;

/// <summary>Conditions and values of generated seeds.</summary>
internal sealed partial class SeedBuilder
{
    private static readonly string[] Comparisons = ["=", "<", ">", ">=", "<=", "!=", "<>", "<=>"];
    private static readonly string[] Literals = ["0", "1", "-1", "2", "12.991", "1.009", "-9.183", "0.0001", "'a'", "'3'", "'0'", "NULL"];
    private static readonly string[] LikePatterns = ["'%0%'", "'1%'", "'%a'", "'_%'", "'%1_'", "'a'"];
    private static readonly string[] ConstantLikes = ["'abc' LIKE 'a%c'", "'abc' LIKE '%b%'", "'x_y' LIKE 'x\\_y'", "'abc' LIKE 'abc'", "'3' LIKE '_'"];
    private static readonly string[] ConstantRegexps = ["'abc' REGEXP '^a.+c$'", "'aab' REGEXP 'a*b'", "'color' REGEXP 'colou?r'", "'abc' REGEXP 'b+'", "'x' REGEXP '^x*$'"];
    private static readonly string[] Functions = ["OCTET_LENGTH({0})", "ABS({0})", "DATE_ADD({0}, INTERVAL 1 WEEK)", "DATE_SUB({0}, INTERVAL 1 DAY_SECOND)", "CAST({0} AS CHAR)", "({0}+1)", "~{0}", "-{0}", "REVERSE({0})", "BIN({0})", "FLOOR({0})", "COALESCE({0}, 1)", "IFNULL({0}, 'a')", "({0} DIV 2)", "({0} MOD 3)", "UCASE({0})", "HEX({0})", "LEFT({0}, 2)", "SUBSTRING({0}, 1, 2)", "CONVERT({0}, CHAR)"];

    private string Value(IReadOnlyList<string> scope)
    {
        var roll = random.Next(10);
        if (roll < 4 && scope.Count > 0)
        {
            return Pick(scope);
        }

        if (roll < 6 || _depth >= MaxDepth + 1)
        {
            return Pick(Literals);
        }

        _depth++;
        var value = string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(Functions), Value(scope));
        _depth--;
        return value;
    }

    private string Condition(IReadOnlyList<string> scope)
    {
        var leafOnly = _depth >= MaxDepth + 1;
        _depth++;
        var roll = random.Next(leafOnly ? 6 : 16);
        var text = roll switch
        {
            0 => $"{Value(scope)}{Pick(Comparisons)}{Value(scope)}",
            1 => $"{Value(scope)} {(Chance(3) ? "NOT " : string.Empty)}IN ({string.Join(",", Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Pick(Literals)))})",
            2 => $"{Value(scope)} {(Chance(3) ? "NOT " : string.Empty)}BETWEEN {Pick(Literals)} AND {Pick(Literals)}",
            3 => $"{Value(scope)} {(Chance(3) ? "NOT " : string.Empty)}LIKE {Pick(LikePatterns)}",
            4 => Chance(3) ? $"NOT ({Pick(ConstantLikes)})" : Pick(ConstantLikes),
            5 => Chance(3) ? $"NOT ({Pick(ConstantRegexps)})" : Pick(ConstantRegexps),
            6 => $"NOT ({Condition(scope)})",
            7 => $"({Condition(scope)}) {Pick(IsTests)}",
            8 => $"({Condition(scope)}) AND ({Condition(scope)})",
            9 => $"({Condition(scope)}) OR ({Condition(scope)})",
            10 => $"{Value(scope)} {(Chance(3) ? "NOT " : string.Empty)}IN ({Select(1, out _, allowOrder: false)})",
            11 => $"{(Chance(3) ? "NOT " : string.Empty)}EXISTS ({Select(1 + random.Next(2), out _, allowOrder: false)})",
            12 => $"{Value(scope)}{Pick(Comparisons[..6])}{Pick(Quantified)} ({Select(1, out _, allowOrder: false)})",
            13 => $"({Condition(scope)}) XOR ({Condition(scope)})",
            14 => $"!({Condition(scope)})",
            _ => $"{Value(scope)}{Pick(Comparisons)}{Value(scope)}",
        };
        _depth--;
        return text;
    }

    private static readonly string[] IsTests = ["IS TRUE", "IS FALSE", "IS NOT TRUE", "IS NOT FALSE", "IS NULL"];
    private static readonly string[] Quantified = ["ANY", "SOME", "ALL"];
}
