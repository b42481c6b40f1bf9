using MutationHarness.Core.Strategies;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Tests.Strategies;

/// <summary>What the meta-test checks: the rules of a rule set and the files of a catalog folder name the same
/// strategies, once each, with the same direction and kind.</summary>
internal static class CatalogAgreement
{
    /// <summary>The shipped catalog, copied beside the tests by MutationHarness.Core.</summary>
    public static string ShippedFolder => Path.Combine(AppContext.BaseDirectory, "strategies");

    public static List<string> Mismatches(StrategyRuleSet rules, string folder)
    {
        var mismatches = new List<string>();
        var names = rules.Strategies.Select(s => s.Name).ToList();
        var files = Directory.EnumerateFiles(folder, "*.json").Select(Path.GetFileNameWithoutExtension).ToList();
        mismatches.AddRange(names.Except(files, StringComparer.Ordinal).Select(n => $"the rule for {n} has no file {n}.json"));
        mismatches.AddRange(files.Except(names, StringComparer.Ordinal).Select(f => $"{f}.json has no rule"));
        mismatches.AddRange(rules.Rules.Where(r => !r.GetType().IsSealed).Select(r => $"{r.GetType().Name} is not sealed"));
        mismatches.AddRange(rules.Rules.SelectMany(r => r.Strategies.Where(s => s.Rule != r)).Select(s => $"{s.Name} is listed by a rule that does not own it"));
        if (mismatches.Count > 0)
        {
            return mismatches;
        }

        StrategyCatalog catalog;
        try
        {
            catalog = StrategyCatalog.Load(folder, names);
        }
        catch (CatalogException e)
        {
            return [e.Message];
        }

        foreach (var strategy in rules.Strategies)
        {
            var entry = catalog.Find(strategy.Name)!;
            if (entry.Name != strategy.Name)
            {
                mismatches.Add($"{entry.Name} is spelled {strategy.Name} by its rule");
            }

            if (entry.IsUpper != strategy.IsUpper)
            {
                mismatches.Add($"{strategy.Name}: the file's direction disagrees with the name");
            }

            if (entry.IsRandom != strategy.IsRandom)
            {
                mismatches.Add($"{strategy.Name}: the file says kind {(entry.IsRandom ? "random" : "fixed")}, its rule {strategy.Rule.GetType().Name} says {(strategy.IsRandom ? "random" : "fixed")}");
            }
        }

        return mismatches;
    }

    /// <summary>A copy of the shipped catalog, changed by <paramref name="edit"/>, in a fresh temporary folder.</summary>
    public static string CopyOfShipped(Action<string> edit)
    {
        var folder = Directory.CreateTempSubdirectory("catalog").FullName;
        foreach (var file in Directory.EnumerateFiles(ShippedFolder, "*.json"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        edit(folder);
        return folder;
    }
}
