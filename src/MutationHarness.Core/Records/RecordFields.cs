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

    /// <summary>Why a field meant to hold statements holds something else (a number, an object, a list with one), or
    /// null when it is absent, null, a string or a list of strings: a setup read without some of its statements
    /// would run the pair on other data than its author meant.</summary>
    public static string? StatementsProblem(JsonElement record, string name)
    {
        if (!record.TryGetProperty(name, out var value) || value.ValueKind is JsonValueKind.String or JsonValueKind.Null)
            return null;
        if (value.ValueKind != JsonValueKind.Array)
            return $"'{name}' is {Kind(value)}: give a statement or a list of statements, as strings";
        var position = 0;
        foreach (var entry in value.EnumerateArray())
        {
            position++;
            if (entry.ValueKind != JsonValueKind.String)
                return $"'{name}' entry {position} is {Kind(entry)}, not a statement: give each statement as a string";
        }
        return null;
    }

    /// <summary>Why one of the named fields holds a value of the wrong kind (a list or an object where text belongs, a
    /// word other than true/false in a truth field), or null: such a field read as absent would silently judge the
    /// record on other terms than its author wrote (a direction not taken, an id made up).</summary>
    public static string? KindProblem(JsonElement record, ReadOnlySpan<string> textFields, ReadOnlySpan<string> flagFields)
    {
        foreach (var name in textFields)
        {
            if (record.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.Array or JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False)
                return $"'{name}' is {Kind(value)}: give it as a string";
        }
        foreach (var name in flagFields)
        {
            if (record.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.True or JsonValueKind.False)
                && !(value.ValueKind == JsonValueKind.String && bool.TryParse(value.GetString(), out _)))
                return $"'{name}' is {(value.ValueKind == JsonValueKind.String ? $"\"{value.GetString()}\"" : Kind(value))}: give true or false";
        }
        return null;
    }

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

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
