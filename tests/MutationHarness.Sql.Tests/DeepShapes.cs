namespace MutationHarness.Sql.Tests;

/// <summary>Statements nested <c>n</c> deep in every way the parser builds depth: recursion (parentheses,
/// subqueries, NOT, unary minus, calls, CASE, BETWEEN bounds) and left-deep chains parsed in loops (OR, +, UNION,
/// JOIN), and chains nested inside parentheses. Each keeps one <c>a > 0</c> so a FixMCmpOpU mutant exists.</summary>
public static class DeepShapes
{
    private const string Site = "a > 0";

    public static IReadOnlyDictionary<string, Func<int, string>> All { get; } = new Dictionary<string, Func<int, string>>
    {
        ["parentheses"] = n => $"SELECT a FROM t WHERE {new string('(', n)}{Site}{new string(')', n)}",
        ["OR chain"] = n => $"SELECT a FROM t WHERE {Site}" + string.Concat(Enumerable.Repeat(" OR a > 1", n)),
        ["sum"] = n => $"SELECT a FROM t WHERE {Site}" + string.Concat(Enumerable.Repeat("+1", n)),
        ["NOT NOT NOT"] = n => $"SELECT a FROM t WHERE {string.Concat(Enumerable.Repeat("NOT ", n))}{Site}",
        ["unary minus"] = n => $"SELECT a FROM t WHERE {Site} + {string.Concat(Enumerable.Repeat("- ", n))}1",
        ["subqueries"] = n => $"SELECT a FROM t WHERE {string.Concat(Enumerable.Repeat("a IN (SELECT a FROM t WHERE ", n))}{Site}{new string(')', n)}",
        ["calls"] = n => $"SELECT a FROM t WHERE {Site} AND {string.Concat(Enumerable.Repeat("ABS(", n))}a{new string(')', n)} = 1",
        ["CASE"] = n => $"SELECT a FROM t WHERE {Site} AND {string.Concat(Enumerable.Repeat("CASE WHEN ", n))}1{string.Concat(Enumerable.Repeat(" THEN 1 END", n))}",
        ["BETWEEN bounds"] = n => $"SELECT a FROM t WHERE {Site} AND a{string.Concat(Enumerable.Repeat(" BETWEEN 1 AND a", n))}",
        ["UNION chain"] = n => $"SELECT a FROM t WHERE {Site}" + string.Concat(Enumerable.Repeat(" UNION SELECT a FROM t", n)),
        ["JOIN chain"] = n => "SELECT a FROM t" + string.Concat(Enumerable.Range(0, n).Select(i => $" JOIN t t{i} ON 1")) + $" WHERE {Site}",
        ["chains in parentheses"] = n => $"SELECT a FROM t WHERE {new string('(', n)}{Site}" + string.Concat(Enumerable.Repeat(" OR a > 1 OR a > 2)", n)),
        ["POSITION"] = n => $"SELECT a FROM t WHERE {Site} AND {string.Concat(Enumerable.Repeat("POSITION(", n))}'x'{string.Concat(Enumerable.Repeat(" IN 'y')", n))} = 1",
    };

    public static string Mutant(string seed)
    {
        var at = seed.IndexOf(Site, StringComparison.Ordinal);
        return seed[..at] + "a >= 0" + seed[(at + Site.Length)..];
    }

    /// <summary>The largest n whose statement parses (the parser's limit is monotone in n).</summary>
    public static int DeepestAccepted(Func<int, string> shape)
    {
        var (accepted, refused) = (0, 50_000);
        while (refused - accepted > 1)
        {
            var middle = (accepted + refused) / 2;
            if (SqlParser.TryParse(shape(middle), out _) is null)
                refused = middle;
            else
                accepted = middle;
        }
        return accepted;
    }
}
