using System.Text.Json;
using MutationHarness.Core.Records;
using MutationHarness.FineTuning;

namespace MutationHarness.Evaluation;

/// <summary>Gives the lines of a chat file that <c>clean</c> wrote their records' own setup statements back,
/// from the <c>manifest.json</c> beside it: the chat format has no room for them, and without them a pair
/// from a bug report runs against tables that do not exist.</summary>
internal static class DatasetManifestSetups
{
    public static async Task<IReadOnlyList<TestExample>> ApplyAsync(string path, List<TestExample> examples, CancellationToken cancellationToken)
    {
        var manifest = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", DatasetBuilder.ManifestFileName);
        var split = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        if (!File.Exists(manifest) || split is not ("train" or "validation"))
            return examples;

        var setups = new Dictionary<int, (string? Strategy, List<string> Setup)>();
        try
        {
            await using var stream = File.OpenRead(manifest);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            if (!document.RootElement.TryGetProperty("lines", out var lines) || !lines.TryGetProperty(split, out var entries)
                || entries.ValueKind != JsonValueKind.Array)
                return examples;
            foreach (var entry in entries.EnumerateArray())
            {
                if (entry.TryGetProperty("line", out var line) && line.TryGetInt32(out var number)
                    && entry.TryGetProperty("setup", out var setup) && setup.ValueKind == JsonValueKind.Array)
                {
                    setups[number] = (RecordFields.Text(entry, "strategy"),
                        setup.EnumerateArray().Select(s => s.GetString() ?? "").ToList());
                }
            }
        }
        catch (JsonException)
        {
            // Not a manifest of ours: the examples run on the generated databases, as without one.
            return examples;
        }

        // A line whose strategy differs from the manifest's was edited after clean wrote it: no setup is guessed.
        return examples.Select(e => e.Setup is not { Count: > 0 } && setups.TryGetValue(e.Line, out var found) && found.Strategy == e.Strategy
            ? e with { Setup = found.Setup }
            : e).ToList();
    }
}
