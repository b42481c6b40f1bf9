using System.Text.Json;
using MutationHarness.Tests;

namespace MutationHarness.Sql.Tests;

/// <summary>One pair of the PINOLO bug-report corpus.</summary>
public sealed record CorpusPair(string Id, string Original, string Mutated, string? Strategy, bool? IsUpper);

/// <summary>Reads the bug-report corpus the repository ships (fixtures/bug-reports).</summary>
public static class CorpusFile
{
    public static IReadOnlyList<CorpusPair> PinoloBugReports()
    {
        var pairs = new List<CorpusPair>();
        foreach (var line in File.ReadLines(RepositoryFiles.BugReports))
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
