using MutationHarness.Sql;

namespace MutationHarness.Core.Strategies;

/// <summary>The strategies with the user's instruction texts, loaded from the <c>strategies/</c> folder; the names are the SQL engine's.</summary>
public sealed class StrategyCatalog
{
    private static readonly Lazy<StrategyCatalog> LazyDefault = new(() => Load(DefaultFolder()));
    private readonly Dictionary<string, Strategy> _byName;

    private StrategyCatalog(IEnumerable<Strategy> strategies) =>
        _byName = strategies.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The catalog shipped beside the program.</summary>
    public static StrategyCatalog Default => LazyDefault.Value;

    /// <summary>Every strategy, by name.</summary>
    public IReadOnlyCollection<Strategy> All => _byName.Values;

    /// <summary>Loads every <c>*.json</c> file of a folder, which must hold exactly the strategies the SQL engine has
    /// rules for (<see cref="StrategyNames.All"/>); a malformed, unknown or missing file is an error naming it.</summary>
    public static StrategyCatalog Load(string folder) => Load(folder, StrategyNames.All);

    /// <summary>Loads a folder that must hold exactly the named strategies, one file each.</summary>
    public static StrategyCatalog Load(string folder, IReadOnlyCollection<string> names)
    {
        if (!Directory.Exists(folder))
            throw new CatalogException($"strategy catalog folder not found: {folder}");
        var strategies = Directory.EnumerateFiles(folder, "*.json")
            .Order(StringComparer.Ordinal)
            .Select(StrategyFile.Read)
            .ToList();
        var duplicate = strategies.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new CatalogException($"strategy {duplicate.Key} is defined more than once in {folder}");
        if (strategies.FirstOrDefault(s => !names.Contains(s.Name, StringComparer.Ordinal)) is { } unknown)
            throw new CatalogException($"{Path.Combine(folder, unknown.Name + ".json")}: {unknown.Name} is not a strategy the SQL engine has a rule for (one of: {string.Join(", ", names)})");
        var missing = names.Where(n => !strategies.Any(s => s.Name == n)).ToList();
        if (missing.Count > 0)
            throw new CatalogException($"strategy catalog {folder} has no file for {string.Join(", ", missing)}: every strategy the SQL engine has a rule for needs its <name>.json");
        return new StrategyCatalog(strategies);
    }

    /// <summary>Finds a strategy by its name, ignoring case.</summary>
    public Strategy? Find(string? name) =>
        name is not null && _byName.TryGetValue(name.Trim(), out var strategy) ? strategy : null;

    /// <summary>Recognises the strategy a chat example's system text asks for.</summary>
    public Strategy? FromSystemText(string systemText)
    {
        foreach (var strategy in _byName.Values)
        {
            if (systemText.Contains(strategy.Instructions.Mutate, StringComparison.Ordinal)
                || systemText.Contains(strategy.Instructions.Synthesize, StringComparison.Ordinal))
                return strategy;
        }
        // Hand-written system texts still quote the strategy's name: "FixMDistinctU".
        var quoted = _byName.Values.Where(s => systemText.Contains('"' + s.Name + '"', StringComparison.Ordinal)).ToList();
        return quoted.Count == 1 ? quoted[0] : null;
    }

    private static string DefaultFolder()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "strategies");
        return Environment.GetEnvironmentVariable("MUTATIONHARNESS_STRATEGIES") ?? beside;
    }
}

/// <summary>The strategy catalog is missing or malformed.</summary>
public sealed class CatalogException(string message) : Exception(message);
