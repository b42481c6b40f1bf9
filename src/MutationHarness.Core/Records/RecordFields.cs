using System.Text.Json;

namespace MutationHarness.Core.Records;

/// <summary>Tolerant reads of optional fields of a JSON record; unknown fields are ignored.</summary>
public static class RecordFields
{
    /// <summary>A field's text (a number reads as its JSON text), or null when it is absent or of another kind.</summary>
    public static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    /// <summary>The first of the named fields that holds non-blank text.</summary>
    public static string? FirstText(JsonElement record, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            var text = Text(record, name);
            if (!string.IsNullOrWhiteSpace(text))
                return text;
        }
        return null;
    }

    /// <summary>A field's truth value (true/false, or the strings "true"/"false"), or null.</summary>
    public static bool? Flag(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
            _ => null,
        } : null;

    /// <summary>A field holding one statement or a list of them; blank and non-string entries are dropped.</summary>
    public static IReadOnlyList<string> Statements(JsonElement record, string name)
    {
        if (!record.TryGetProperty(name, out var value))
            return [];
        return value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!)
                .Where(s => !string.IsNullOrWhiteSpace(s))
                .ToList(),
            JsonValueKind.String when !string.IsNullOrWhiteSpace(value.GetString()) => [value.GetString()!],
            _ => [],
        };
    }
}
