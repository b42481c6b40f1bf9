using MutationHarness.Core.Strategies;
using MutationHarness.Sql;
using MutationHarness.Tests;

namespace MutationHarness.Core.Tests;

public sealed class StrategyCatalogTests
{
    [Fact]
    public void Every_strategy_of_the_sql_engine_is_in_the_shipped_catalog_and_well_formed()
    {
        var catalog = StrategyCatalog.Default;
        Assert.Equal(18, catalog.All.Count);
        Assert.Equal(StrategyNames.All.Order(), catalog.All.Select(s => s.Name).Order());
        foreach (var strategy in catalog.All)
        {
            Assert.Equal(strategy.Name.EndsWith('U'), strategy.IsUpper);
            Assert.Equal(StrategyNames.IsRandom(strategy.Name), strategy.IsRandom);
            Assert.StartsWith("Mutate the seed sql given by user into the mutated sql according to the mutate strategy \"" + strategy.Name + "\"",
                strategy.Instructions.Mutate, StringComparison.Ordinal);
            var size = strategy.IsUpper ? "superset" : "subset";
            Assert.StartsWith($"Synthesize the mutated sql that should return a {size} of the result set of the seed sql given by user",
                strategy.Instructions.Synthesize, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_catalog_carries_the_users_own_texts_from_the_seed_document()
    {
        // The seed's first training example quotes this system text exactly.
        var seed = File.ReadAllText(RepositoryFiles.Path("fixtures", "user-documents", "001_a9283c527bb8a1c1.txt"));
        foreach (var strategy in StrategyCatalog.Default.All)
            Assert.Contains(strategy.Instructions.Mutate, seed, StringComparison.Ordinal);
        Assert.Contains(StrategyCatalog.Default.Find("FixMDistinctU")!.Instructions.Synthesize, seed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_system_text_in_either_style_names_its_strategy()
    {
        var catalog = StrategyCatalog.Default;
        var having = catalog.Find("fixmhaving0l")!;
        Assert.Same(having, catalog.FromSystemText("You are an expert in MySQL statement mutation. " + having.Instructions.Synthesize));
        Assert.Same(having, catalog.FromSystemText(having.Instructions.Mutate));
        Assert.Equal("FixMOn1U", catalog.FromSystemText("Apply \"FixMOn1U\" please")?.Name);
        Assert.Null(catalog.FromSystemText("You are a helpful assistant."));
    }

    [Fact]
    public void A_malformed_strategy_file_is_an_error_naming_the_file()
    {
        // Given a catalog folder with one file whose direction contradicts its name
        var folder = Directory.CreateTempSubdirectory("catalog").FullName;
        File.WriteAllText(Path.Combine(folder, "FixMWhere1U.json"),
            """{"name":"FixMWhere1U","direction":"L","kind":"fixed","site":"s","precondition":"p","rewrite":"r","instructions":{"mutate":"\"FixMWhere1U\"","synthesize":"\"FixMWhere1U\""}}""");

        var error = Assert.Throws<CatalogException>(() => StrategyCatalog.Load(folder));

        Assert.Contains("FixMWhere1U.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("must end with its direction", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_missing_its_instructions_is_rejected()
    {
        var folder = Directory.CreateTempSubdirectory("catalog").FullName;
        File.WriteAllText(Path.Combine(folder, "FixMOn0L.json"),
            """{"name":"FixMOn0L","direction":"L","kind":"fixed","site":"s","precondition":"p","rewrite":"r"}""");
        var error = Assert.Throws<CatalogException>(() => StrategyCatalog.Load(folder));
        Assert.Contains("instructions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_missing_a_strategy_or_holding_an_unknown_one_is_an_error_naming_it()
    {
        // Given the shipped catalog without one file, and with one file no rule knows
        var shipped = Path.Combine(AppContext.BaseDirectory, "strategies");
        var missing = Directory.CreateTempSubdirectory("catalog").FullName;
        foreach (var file in Directory.EnumerateFiles(shipped, "*.json").Where(f => !f.EndsWith("FixMOn0L.json", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(missing, Path.GetFileName(file)));
        var extra = Directory.CreateTempSubdirectory("catalog").FullName;
        foreach (var file in Directory.EnumerateFiles(shipped, "*.json"))
            File.Copy(file, Path.Combine(extra, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(extra, "FixMNoSuchU.json"),
            """{"name":"FixMNoSuchU","direction":"U","kind":"fixed","site":"s","precondition":"p","rewrite":"r","instructions":{"mutate":"\"FixMNoSuchU\"","synthesize":"\"FixMNoSuchU\""}}""");

        // When each is loaded, Then the error names what is missing or unknown
        Assert.Contains("no file for FixMOn0L", Assert.Throws<CatalogException>(() => StrategyCatalog.Load(missing)).Message, StringComparison.Ordinal);
        var unknown = Assert.Throws<CatalogException>(() => StrategyCatalog.Load(extra)).Message;
        Assert.Contains("FixMNoSuchU.json: FixMNoSuchU is not a strategy the SQL engine has a rule for", unknown, StringComparison.Ordinal);
    }
}
