namespace MutationHarness.Sql.Generation;

/// <summary>The upstream tables' columns with the kind of value each holds, for generated conditions that compare
/// like with like.</summary>
internal static class FixtureColumns
{
    public static IReadOnlyList<(string Name, bool IsString)> All { get; } =
        SeedQueryGenerator.Columns.Select(name => (name, name.Contains("char", StringComparison.Ordinal))).ToArray();
}
