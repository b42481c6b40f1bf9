namespace MutationHarness.Sql;

/// <summary>The names of the 18 mutation strategies and their nominal direction.</summary>
public static class StrategyNames
{
    private static readonly Dictionary<string, Strategy> ByName =
        Enum.GetValues<Strategy>().ToDictionary(s => s.ToString(), s => s, StringComparer.Ordinal);

    /// <summary>All 18 names, in catalog order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<Strategy>().Select(s => s.ToString()).ToArray();

    /// <summary>True when the name ends in U (an upper mutation); false for L.</summary>
    public static bool IsUpper(string name) => name.EndsWith('U');

    /// <summary>True when the name is one of the 18 strategies (exact spelling).</summary>
    public static bool IsKnown(string name) => ByName.ContainsKey(name);

    internal static bool TryGet(string name, out Strategy strategy) => ByName.TryGetValue(name, out strategy);

    private static readonly bool[] UpperFlags = Enum.GetValues<Strategy>().Select(s => s.ToString().EndsWith('U')).ToArray();

    internal static bool IsUpper(Strategy strategy) => UpperFlags[(int)strategy];

    internal static bool IsRandom(Strategy strategy) => strategy >= Strategy.RdMLikeU;
}
