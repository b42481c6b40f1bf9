using System.Text.Json;
using MutationHarness.Core.Chat;
using MutationHarness.Core.Records;
using MutationHarness.FineTuning;

namespace MutationHarness.Evaluation;

/// <summary>Gives the examples of a chat file that <c>clean</c> wrote their records' own setup statements back, from
/// the <c>manifest.json</c> beside it: the chat format has no room for them, and without them a pair from a bug report
/// runs against tables that do not exist.</summary>
/// <remarks>The manifest names its lines of <c>train.jsonl</c> and <c>validation.jsonl</c>; an example is matched to
/// them by content (its prompt), so a renamed, copied or reordered file beside the manifest keeps its setups, and
/// an edited line gets none guessed.</remarks>
internal static class DatasetManifestSetups
{
    private static readonly string[] Splits = ["train", "validation"];

    public static async Task<IReadOnlyList<TestExample>> ApplyAsync(string path, List<TestExample> examples, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        var manifest = Path.Combine(folder, DatasetBuilder.ManifestFileName);
        if (!File.Exists(manifest) || examples.All(e => e.Setup is { Count: > 0 }))
            return examples;
        var byContent = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (split, setups) in await ReadManifestAsync(manifest, cancellationToken))
        {
            var file = Path.Combine(folder, split + ".jsonl");
            if (setups.Count == 0 || !File.Exists(file))
                continue;
            var line = 0;
            foreach (var text in await File.ReadAllLinesAsync(file, cancellationToken))
            {
                line++;
                if (setups.TryGetValue(line, out var setup) && PromptKeyOf(text) is { } key)
                    byContent[key] = setup;
            }
        }
        return examples.Select(e => e.Setup is not { Count: > 0 } && byContent.TryGetValue(ContentKey.Of(e), out var found)
            ? e with { Setup = found }
            : e).ToList();
    }

    private static async Task<List<(string Split, Dictionary<int, IReadOnlyList<string>> Setups)>> ReadManifestAsync(string manifest,
        CancellationToken cancellationToken)
    {
        var splits = new List<(string, Dictionary<int, IReadOnlyList<string>>)>();
        try
        {
            await using var stream = File.OpenRead(manifest);
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            if (!document.RootElement.TryGetProperty("lines", out var lines))
                return splits;
            foreach (var split in Splits)
            {
                var setups = new Dictionary<int, IReadOnlyList<string>>();
                if (lines.TryGetProperty(split, out var entries) && entries.ValueKind == JsonValueKind.Array)
                {
                    foreach (var entry in entries.EnumerateArray())
                    {
                        if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("line", out var line) && line.TryGetInt32(out var number)
                            && RecordFields.Statements(entry, "setup") is { Count: > 0 } setup)
                            setups[number] = setup;
                    }
                }
                splits.Add((split, setups));
            }
        }
        catch (JsonException)
        {
            // Not a manifest of ours: the examples run on the generated databases, as without one.
        }
        return splits;
    }

    private static string? PromptKeyOf(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("messages", out var messages)
                ? ContentKey.Of(ChatExample.FromJson(messages).Prompt)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
