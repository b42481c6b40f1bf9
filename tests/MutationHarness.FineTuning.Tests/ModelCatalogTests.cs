namespace MutationHarness.FineTuning.Tests;

public sealed class ModelCatalogTests
{
    [Theory]
    [InlineData("gpt-4o-mini-2024-07-18", "o200k_base", 65_536, 3.00)]
    [InlineData("gpt-4o-2024-08-06", "o200k_base", 65_536, 25.00)]
    [InlineData("gpt-4.1-2025-04-14", "o200k_base", 65_536, 25.00)]
    [InlineData("gpt-4.1-mini-2025-04-14", "o200k_base", 65_536, 5.00)]
    [InlineData("gpt-4.1-nano-2025-04-14", "o200k_base", 65_536, 1.50)]
    [InlineData("gpt-3.5-turbo-0125", "cl100k_base", 16_385, 8.00)]
    [InlineData("gpt-3.5-turbo-1106", "cl100k_base", 16_385, 8.00)]
    [InlineData("gpt-3.5-turbo-0613", "cl100k_base", 4_096, 8.00)]
    [InlineData("gpt-4o-mini", "o200k_base", 65_536, 3.00)]
    [InlineData("davinci-002", "cl100k_base", 16_384, 6.00)]
    [InlineData("babbage-002", "cl100k_base", 16_384, 0.40)]
    public void The_shipped_table_knows_each_models_encoding_limit_and_price(string name, string encoding, int limit, double price)
    {
        var model = ModelCatalog.LoadDefault().Find(name);

        Assert.Equal(encoding, model.Encoding);
        Assert.Equal(limit, model.MaxTokensPerExample);
        Assert.Equal((decimal)price, model.TrainingPricePerMillionTokens);
    }

    [Theory]
    [InlineData("ft:gpt-4o-mini-2024-07-18:acme:sql:abc123", "gpt-4o-mini-2024-07-18")]
    [InlineData("ft:gpt-4.1-nano-2025-04-14:acme::xyz:ckpt-step-40", "gpt-4.1-nano-2025-04-14")]
    [InlineData("FT:gpt-3.5-turbo-0125:org:suffix:id", "gpt-3.5-turbo-0125")]
    public void A_fine_tuned_model_is_found_by_its_base_whose_limit_and_price_apply(string fineTuned, string baseModel)
    {
        var catalog = ModelCatalog.LoadDefault();

        Assert.Same(catalog.Find(baseModel), catalog.Find(fineTuned));
    }

    [Theory]
    [InlineData("ft:gpt-9:acme::abc")]
    [InlineData("ft:")]
    [InlineData("ft::acme")]
    public void A_fine_tuned_model_of_an_unknown_base_is_unknown(string name) =>
        Assert.False(ModelCatalog.LoadDefault().TryFind(name, out _));

    [Theory]
    [InlineData("davinci-002", true)]
    [InlineData("babbage-002", true)]
    [InlineData("gpt-4o-mini-2024-07-18", false)]
    public void The_legacy_base_models_take_prompt_completion_lines(string name, bool legacy) =>
        Assert.Equal(legacy, ModelCatalog.LoadDefault().Find(name).TakesPromptCompletion);

    [Fact]
    public void The_table_is_copied_beside_the_binaries_for_users_to_edit() =>
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "models.json")));

    [Fact]
    public void An_unknown_model_names_the_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelCatalog.LoadDefault().Find("gpt-9"));

        Assert.Contains("gpt-4o-mini-2024-07-18", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_users_table_overrides_the_shipped_one()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("models.json", """
            { "pricesAsOf": "2030-01-01",
              "models": [ { "name": "my-model", "encoding": "cl100k_base", "maxTokensPerExample": 100, "trainingPricePerMillionTokens": 1.25 } ] }
            """);

        var catalog = await ModelCatalog.LoadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("2030-01-01", catalog.PricesAsOf);
        Assert.Equal(100, catalog.Find("my-model").MaxTokensPerExample);
    }

    [Theory]
    [InlineData("gpt-4o-mini-2024-07-18", "o200k_base")]
    [InlineData("gpt-4.1-nano-2025-04-14", "o200k_base")]
    [InlineData("gpt-5-mini", "o200k_base")]
    [InlineData("o4-mini-2025-04-16", "o200k_base")]
    [InlineData("ft:gpt-4o-mini-2024-07-18:acme::abc", "o200k_base")]
    [InlineData("gpt-4-0613", "cl100k_base")]
    [InlineData("gpt-3.5-turbo-0125", "cl100k_base")]
    [InlineData("babbage-002", "cl100k_base")]
    [InlineData("llama-3", null)]
    public void Each_family_has_its_encoding(string model, string? encoding) =>
        Assert.Equal(encoding, ModelFamilies.EncodingFor(model));

    [Fact]
    public void An_entry_without_an_encoding_takes_its_familys()
    {
        var catalog = ModelCatalog.Parse("""
            { "pricesAsOf": "2030-01-01",
              "models": [ { "name": "gpt-5-2030-01-01", "maxTokensPerExample": 65536, "trainingPricePerMillionTokens": 9 } ] }
            """);

        Assert.Equal("o200k_base", catalog.Find("gpt-5-2030-01-01").Encoding);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{ "models": [] }""")]
    [InlineData("""{ "pricesAsOf": "x", "models": [ { "name": "m", "encoding": "", "maxTokensPerExample": 1, "trainingPricePerMillionTokens": 1 } ] }""")]
    [InlineData("""{ "pricesAsOf": "x", "models": [ { "name": "gpt-4o", "encoding": "o200k_base", "maxTokensPerExample": 0, "trainingPricePerMillionTokens": 1 } ] }""")]
    [InlineData("""{ "pricesAsOf": "x", "models": [ { "name": "m", "encoding": "o200k_base", "maxTokensPerExample": 9, "trainingPricePerMillionTokens": 1, "format": "instruct" } ] }""")]
    public void A_malformed_table_is_a_format_error(string json) =>
        Assert.Throws<FormatException>(() => ModelCatalog.Parse(json));
}
