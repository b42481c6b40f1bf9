using System.Text;

namespace MutationHarness.Sql.Generation.Soundness;

/// <summary>What a generated value is, for comparing like with like: numbers, and strings by collation. A
/// <c>_ci</c> and a <c>_bin</c> string compare (the binary collation wins); a NO PAD one compares only with its own.</summary>
internal enum ValueKind { Int, Dec, Ci, Bin, Pad, NoPad }

/// <summary>A column a query can read, with its kind.</summary>
internal sealed record Column(string Ref, ValueKind Kind)
{
    public bool IsString => Kind is not (ValueKind.Int or ValueKind.Dec);
}

/// <summary>The self-test's tables: <c>s1</c> and <c>s2</c>, every column NOT NULL (the relation's theory assumes
/// no NULLs), strings under a case-insensitive PAD SPACE collation, a binary one, a fixed-width one and a NO PAD one,
/// with values that differ only in case or trailing spaces, so that a kept representative may be spelled either way.</summary>
internal static class SoundnessSchema
{
    public static readonly (string Name, ValueKind Kind, string Type)[] Columns =
    [
        ("i", ValueKind.Int, "INT NOT NULL"),
        ("j", ValueKind.Int, "INT NOT NULL"),
        ("d", ValueKind.Dec, "DECIMAL(6, 2) NOT NULL"),
        ("ci", ValueKind.Ci, "VARCHAR(8) COLLATE utf8mb4_general_ci NOT NULL"),
        ("bi", ValueKind.Bin, "VARCHAR(8) COLLATE utf8mb4_bin NOT NULL"),
        ("pc", ValueKind.Pad, "CHAR(4) COLLATE utf8mb4_general_ci NOT NULL"),
        ("np", ValueKind.NoPad, "VARCHAR(8) COLLATE utf8mb4_general_nopad_ci NOT NULL"),
    ];

    public static readonly string[] Tables = ["s1", "s2"];

    private static readonly string[] Ints = ["-2", "-1", "0", "1", "2", "3"];
    private static readonly string[] Decs = ["-1.50", "0", "0.50", "1", "1.00", "2.25"];
    private static readonly string[] Strings = ["'a'", "'A'", "'a '", "'b'", "'B'", "'ab'", "'aB'", "'b '", "''", "'0'", "'1'"];

    public static string[] Values(ValueKind kind) => kind switch
    {
        ValueKind.Int => Ints,
        ValueKind.Dec => Decs,
        _ => Strings,
    };

    /// <summary>One database: 4 to 7 rows per table, keys on some columns so plans (and kept spellings) vary.</summary>
    public static IReadOnlyList<string> Database(int seed)
    {
        var random = new Random(seed);
        var statements = new List<string>();
        foreach (var table in Tables)
        {
            var definition = new StringBuilder($"CREATE TABLE `{table}` (`pk` INT NOT NULL PRIMARY KEY");
            foreach (var (name, _, type) in Columns)
            {
                definition.Append($", `{name}` {type}");
            }

            definition.Append(", KEY (`i`), KEY (`ci`), KEY (`bi`, `d`)) DEFAULT CHARSET=utf8mb4");
            statements.Add(definition.ToString());
            var rows = Enumerable.Range(1, 4 + random.Next(4)).Select(pk =>
                "(" + pk + string.Concat(Columns.Select(c => ", " + Pick(random, Values(c.Kind)))) + ")");
            statements.Add($"INSERT INTO `{table}` VALUES {string.Join(", ", rows)}");
        }

        return statements;
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];
}
