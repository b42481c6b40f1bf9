using System.Text.Json;

namespace MutationHarness.FineTuning;

/// <summary>Where a dataset file's lines were verified, as its manifest records them: one row per strategy, label and servers.</summary>
public sealed record ManifestProvenance(string Manifest, string Split, int Lines, IReadOnlyList<ProvenanceRow> Rows)
{
    /// <summary>Reads the rows for the split a file is (validation.jsonl: validation; anything else: train).</summary>
    public static async Task<ManifestProvenance> ReadAsync(string manifestPath, string datasetFile, CancellationToken cancellationToken)
    {
        var split = Path.GetFileName(datasetFile) == DatasetBuilder.ValidationFileName ? "validation" : "train";
        await using var stream = File.OpenRead(manifestPath);
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{manifestPath} is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            if (!document.RootElement.TryGetProperty("lines", out var lines) || !lines.TryGetProperty(split, out var entries) || entries.ValueKind != JsonValueKind.Array)
                throw new FormatException($"{manifestPath} has no lines.{split} list: is it a manifest that clean wrote?");
            var rows = entries.EnumerateArray()
                .Select(e => (Strategy: Text(e, "strategy"), Label: Text(e, "dbms"), Servers: Servers(e), Verified: LabelVerified(e)))
                .GroupBy(r => r)
                .Select(g => new ProvenanceRow(g.Key.Strategy, g.Key.Label, g.Key.Servers, g.Key.Verified, g.Count()))
                .OrderBy(r => r.Strategy, StringComparer.Ordinal).ThenBy(r => r.Label, StringComparer.Ordinal).ThenBy(r => r.VerifiedOn, StringComparer.Ordinal)
                .ToList();
            return new ManifestProvenance(manifestPath, split, entries.GetArrayLength(), rows);
        }
    }

    /// <summary>Prints the table, then which labels were not verified on their dbms.</summary>
    public void WriteText(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"#### Provenance ({Manifest}, {Split} lines):");
        var width = Math.Max(11, Rows.Select(r => r.VerifiedOn.Length).DefaultIfEmpty(0).Max());
        output.WriteLine($"{"strategy",-16} {"label",-10} {"verified on".PadRight(width)} {"label verified",-14} {"lines",5}");
        foreach (var r in Rows)
            output.WriteLine($"{r.Strategy,-16} {r.Label,-10} {r.VerifiedOn.PadRight(width)} {(r.LabelVerified switch { true => "yes", false => "no", null => "unknown" }),-14} {r.Lines,5}");
        var unverified = Rows.Where(r => r.LabelVerified != true).ToList();
        output.WriteLine(unverified.Count == 0
            ? $"All {Lines} lines were verified on a server of their label's dbms."
            : $"{unverified.Sum(r => r.Lines)} of {Lines} lines are labelled with a dbms they were not verified on: " +
              string.Join(", ", unverified.GroupBy(r => r.Label).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Sum(r => r.Lines)}")));
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "-";

    private static bool? LabelVerified(JsonElement e) =>
        e.TryGetProperty("labelVerified", out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    // "local:mariadb MariaDB 10.11.19-MariaDB", several joined by " + " (the databases, one per record for own setups, stay in the manifest).
    private static string Servers(JsonElement e) =>
        e.TryGetProperty("verifiedOn", out var servers) && servers.ValueKind == JsonValueKind.Array && servers.GetArrayLength() > 0
            ? string.Join(" + ", servers.EnumerateArray()
                .Select(s => $"{Text(s, "target")} {Core.Chat.RolePrompt.DisplayName(Text(s, "flavor"))} {Text(s, "serverVersion")}").Order(StringComparer.Ordinal))
            : "-";
}

/// <summary>Lines of one strategy and label verified on the same servers.</summary>
public sealed record ProvenanceRow(string Strategy, string Label, string VerifiedOn, bool? LabelVerified, int Lines);
