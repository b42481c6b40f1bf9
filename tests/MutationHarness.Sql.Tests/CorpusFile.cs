using System.Text.Json;

namespace MutationHarness.Sql.Tests;

/// <summary>One pair of the PINOLO bug-report corpus.</summary>
public sealed record CorpusPair(string Id, string Original, string Mutated, string? Strategy, bool? IsUpper);

/// <summary>Finds and reads the shared corpora next to the repository.</summary>
public static class CorpusFile
{
    public static string SharedDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("MUTATIONHARNESS_SHARED");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(Path.Combine(fromEnvironment, "corpora")))
        {
            return fromEnvironment;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "corpora")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/corpora not found above " + AppContext.BaseDirectory + "; set MUTATIONHARNESS_SHARED");
    }

    public static IReadOnlyList<CorpusPair> PinoloBugReports()
    {
        var path = Path.Combine(SharedDirectory(), "corpora", "pinolo-bugreports.jsonl");
        var pairs = new List<CorpusPair>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            pairs.Add(new CorpusPair(
                root.GetProperty("id").GetString()!,
                root.GetProperty("original").GetString()!,
                root.GetProperty("mutated").GetString()!,
                root.GetProperty("strategy").ValueKind == JsonValueKind.String ? root.GetProperty("strategy").GetString() : null,
                root.GetProperty("isUpper").ValueKind is JsonValueKind.True or JsonValueKind.False ? root.GetProperty("isUpper").GetBoolean() : null));
        }

        return pairs;
    }
}
