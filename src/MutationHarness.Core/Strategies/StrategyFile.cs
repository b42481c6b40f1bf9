using System.Text.Json;

namespace MutationHarness.Core.Strategies;

/// <summary>Reads one strategy file and checks it against the catalog's conventions.</summary>
internal static class StrategyFile
{
    public static Strategy Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var name = Required(path, root, "name");
            var direction = Required(path, root, "direction");
            if (direction is not ("U" or "L"))
                throw new CatalogException($"{path}: direction must be U or L, not '{direction}'");
            if (!name.EndsWith(direction, StringComparison.Ordinal))
                throw new CatalogException($"{path}: the name {name} must end with its direction {direction}");
            if (Path.GetFileNameWithoutExtension(path) != name)
                throw new CatalogException($"{path}: the file must be named {name}.json");
            var kind = Required(path, root, "kind");
            if (kind is not ("fixed" or "random"))
                throw new CatalogException($"{path}: kind must be fixed or random, not '{kind}'");
            if (!root.TryGetProperty("instructions", out var instructions) || instructions.ValueKind != JsonValueKind.Object)
                throw new CatalogException($"{path}: 'instructions' with 'mutate' and 'synthesize' is required");
            var texts = new StrategyInstructions(Required(path, instructions, "mutate"), Required(path, instructions, "synthesize"));
            if (!texts.Mutate.Contains('"' + name + '"', StringComparison.Ordinal) || !texts.Synthesize.Contains('"' + name + '"', StringComparison.Ordinal))
                throw new CatalogException($"{path}: both instruction texts must quote the strategy name \"{name}\"");
            return new Strategy(name, direction == "U", kind == "random",
                Required(path, root, "site"), Required(path, root, "precondition"), Required(path, root, "rewrite"), texts);
        }
        catch (JsonException e)
        {
            throw new CatalogException($"{path}: not valid JSON ({e.Message})");
        }
    }

    private static string Required(string path, JsonElement element, string property)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(value.GetString()))
            return value.GetString()!;
        throw new CatalogException($"{path}: '{property}' must be a non-empty string");
    }
}
