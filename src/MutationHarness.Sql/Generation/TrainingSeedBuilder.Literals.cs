using System.Text;

namespace MutationHarness.Sql.Generation;

/// <summary>Values, select items and the LIKE / REGEXP patterns of training seeds. Patterns use no escapes, no bracket
/// expressions and one quantifier per atom, so every rewrite of them is still a valid pattern.</summary>
internal sealed partial class TrainingSeedBuilder
{
    private static readonly string[] Numbers = ["0", "1", "-1", "2", "-2", "12.991", "1.009", "-9.183", "0.0001"];
    private static readonly string[] Strings = ["'a'", "'b'", "'well'", "'this'", "'that'", "'at'", "'I'", "'0'", "'1'", "'-1'", "'12.991'"];
    private static readonly string[] Words = ["well", "this", "that", "at", "a", "abc", "color", "I", "0", "12.991", "b", "what"];

    private string Literal(bool isString) => isString ? Pick(Strings) : Pick(Numbers);

    /// <summary>A select item over the scope, of the asked kind when one is asked.</summary>
    private (string Text, bool IsString) Item(IReadOnlyList<ScopeColumn> scope, bool? isString, HashSet<string> used)
    {
        var fitting = isString is { } kind ? scope.Where(c => c.IsString == kind).ToList() : [.. scope];
        // Prefer a column not selected yet.
        if (fitting.Where(c => !used.Contains(c.Ref)).ToList() is { Count: > 0 } fresh)
            fitting = fresh;
        if (fitting.Count == 0)
            return (Literal(isString!.Value), isString.Value);
        var column = Pick(fitting);
        used.Add(column.Ref);
        return random.Next(8) switch
        {
            0 when column.IsString => (Pick(["CONCAT({0}, 'x')", "LOWER({0})", "TRIM({0})"]).Replace("{0}", column.Ref, StringComparison.Ordinal), true),
            0 => (Pick(["({0} + 1)", "ABS({0})", "({0} * 2)"]).Replace("{0}", column.Ref, StringComparison.Ordinal), false),
            _ => (column.Ref, column.IsString),
        };
    }

    /// <summary>A LIKE between two string literals; the pattern meets the plant's precondition when one is given.</summary>
    private string LiteralLike(PlantKind? kind, string not)
    {
        var word = Pick(Words);
        var operand = Chance(4) ? Pick(Words) : word;
        return $"'{operand}' {not}LIKE '{LikePattern(word, kind)}'";
    }

    private string LikePattern(string word, PlantKind? kind)
    {
        var pattern = new StringBuilder();
        if (Chance(4))
            pattern.Append('%');
        foreach (var c in word)
        {
            pattern.Append(random.Next(8) switch { 0 or 1 => '%', 2 => '_', _ => c });
        }

        if (Chance(4))
            pattern.Append('%');
        var text = pattern.ToString();
        if (kind == PlantKind.LikeNarrow && !text.Contains('%'))
            text = text.Insert(random.Next(text.Length + 1), "%");
        if (kind == PlantKind.LikeWiden && text.All(c => c == '%'))
            text = word[..1] + text;
        return text;
    }

    /// <summary>A REGEXP between two string literals; the pattern meets the plant's precondition when one is given.</summary>
    private string LiteralRegExp(PlantKind? kind, string not)
    {
        var word = Pick(Words);
        var operand = Chance(4) ? Pick(Words) : word;
        return $"'{operand}' {not}REGEXP '{RegExpPattern(word, kind)}'";
    }

    private string RegExpPattern(string word, PlantKind? kind)
    {
        var start = random.Next(word.Length);
        var atoms = word[start..(start + 1 + random.Next(word.Length - start))]
            .Select(c => (Atom: Chance(6) ? '.' : c, Quantifier: random.Next(7) switch { 0 => "+", 1 => "?", 2 => "*", _ => string.Empty }))
            .ToList();
        var head = Chance(3) ? "^" : string.Empty;
        var tail = Chance(3) ? "$" : string.Empty;
        if (kind == PlantKind.RegExpNarrow && atoms.All(a => a.Quantifier != "*"))
        {
            var at = random.Next(atoms.Count);
            atoms[at] = atoms[at] with { Quantifier = "*" };
        }

        if (kind == PlantKind.RegExpWiden && head.Length == 0 && tail.Length == 0 && atoms.All(a => a.Quantifier is "" or "*"))
        {
            var at = random.Next(atoms.Count);
            atoms[at] = atoms[at] with { Quantifier = Chance(2) ? "+" : "?" };
        }

        return head + string.Concat(atoms.Select(a => a.Atom + a.Quantifier)) + tail;
    }
}
