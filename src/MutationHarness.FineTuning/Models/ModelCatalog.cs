using System.Text.Json;

namespace MutationHarness.FineTuning;

/// <summary>The table of model limits and training prices, read from <c>models.json</c>.</summary>
public sealed class ModelCatalog
{
    /// <summary>The model used when none is named.</summary>
    public const string DefaultModel = "gpt-4o-mini-2024-07-18";

    private const string FileName = "models.json";
    private const string ResourceName = "MutationHarness.FineTuning.models.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private ModelCatalog(string pricesAsOf, IReadOnlyList<ModelSpec> models)
    {
        PricesAsOf = pricesAsOf;
        Models = models;
    }

    /// <summary>The date the prices in the table were taken, as written in the file.</summary>
    public string PricesAsOf { get; }

    /// <summary>All models in the table.</summary>
    public IReadOnlyList<ModelSpec> Models { get; }

    /// <summary>Loads <c>models.json</c> beside the binaries, or the built-in copy when it is missing.</summary>
    public static ModelCatalog LoadDefault()
    {
        var besideBinaries = Path.Combine(AppContext.BaseDirectory, FileName);
        if (File.Exists(besideBinaries))
            return Parse(File.ReadAllText(besideBinaries));
        using var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Loads a model table from a user's file.</summary>
    public static async Task<ModelCatalog> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Parse(text);
    }

    /// <summary>Parses a model table; throws <see cref="FormatException"/> when it is malformed.</summary>
    public static ModelCatalog Parse(string json)
    {
        CatalogFile? file;
        try
        {
            file = JsonSerializer.Deserialize<CatalogFile>(json, Json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The model table is not valid JSON: {ex.Message}", ex);
        }
        if (file?.Models is null || string.IsNullOrWhiteSpace(file.PricesAsOf))
            throw new FormatException("The model table needs \"pricesAsOf\" and a \"models\" list.");
        var models = new List<ModelSpec>(file.Models.Count);
        foreach (var entry in file.Models)
        {
            // An entry may leave the encoding out when its family tells it (gpt-4o…, gpt-3.5…).
            var model = string.IsNullOrWhiteSpace(entry.Encoding) && !string.IsNullOrWhiteSpace(entry.Name)
                ? entry with { Encoding = ModelFamilies.EncodingFor(entry.Name) ?? "" }
                : entry;
            if (string.IsNullOrWhiteSpace(model.Name) || string.IsNullOrWhiteSpace(model.Encoding) || model.MaxTokensPerExample <= 0 || model.TrainingPricePerMillionTokens < 0)
                throw new FormatException($"The model entry \"{model.Name}\" needs a name, an encoding (or a known family), a positive token limit and a price.");
            if (model.Format is not (null or ModelSpec.ChatFormat or ModelSpec.CompletionFormat))
                throw new FormatException($"The model entry \"{model.Name}\" has format \"{model.Format}\": use \"chat\" or \"completion\".");
            models.Add(model);
        }
        return new ModelCatalog(file.PricesAsOf, models);
    }

    /// <summary>
    /// Finds a model by its name or one of its aliases (case-insensitive); a fine-tuned model
    /// (<c>ft:&lt;base&gt;:org:suffix:id</c>, trained further) is found by its base, whose limits and prices apply.
    /// </summary>
    public bool TryFind(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelSpec? model)
    {
        model = Named(name) ?? (BaseOfFineTuned(name) is { } baseModel ? Named(baseModel) : null);
        return model is not null;
    }

    /// <summary>The base model of a fine-tuned model's name (<c>ft:gpt-4o-mini-2024-07-18:acme::abc</c> → <c>gpt-4o-mini-2024-07-18</c>), else null.</summary>
    public static string? BaseOfFineTuned(string name) =>
        name.StartsWith("ft:", StringComparison.OrdinalIgnoreCase) && name.Split(':') is [_, { Length: > 0 } baseModel, ..] ? baseModel : null;

    private ModelSpec? Named(string name) =>
        Models.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? Models.FirstOrDefault(m => m.Aliases?.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase)) == true);

    /// <summary>Finds a model by name; throws <see cref="ArgumentException"/> naming the known models when absent.</summary>
    public ModelSpec Find(string name) =>
        TryFind(name, out var model)
            ? model
            : throw new ArgumentException($"Unknown model \"{name}\"; the model table knows: {string.Join(", ", Models.Select(m => m.Name))}.");

    private sealed record CatalogFile(string PricesAsOf, List<ModelSpec> Models);
}
