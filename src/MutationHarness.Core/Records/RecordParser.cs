using System.Text.Json;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Strategies;

namespace MutationHarness.Core.Records;

/// <summary>Recognises a record's format from its fields and reads it into a pair.</summary>
public static class RecordParser
{
    private static readonly string[] PlainText = ["id", "strategy", "original", "mutated", "dbms"];
    private static readonly string[] UpstreamText = ["id", "bugId", "sqlId", "mutationName", "dbms", "dbname", "dbName",
        "originalSqlsim_modified", "originalSqlsim", "originalSql", "mutatedSqlsim_modified", "mutatedSqlsim", "mutatedSql"];
    private static readonly string[] Flags = ["isUpper"];

    /// <summary>Reads one JSON value found at a source location; never throws for bad input.</summary>
    public static InputRecord Parse(JsonElement record, SourceLocation source, StrategyCatalog catalog)
    {
        var fallbackId = DefaultId(source);
        if (record.ValueKind != JsonValueKind.Object)
            return InputRecord.Unreadable(fallbackId, source, $"a record must be a JSON object, not {record.ValueKind.ToString().ToLowerInvariant()}");
        if (record.TryGetProperty("messages", out _))
            return ChatRecord.Parse(record, source, catalog, RecordFields.Text(record, "id") ?? fallbackId);
        if (record.TryGetProperty("mutationName", out _) || record.TryGetProperty("originalSql", out _))
            return Upstream(record, source, fallbackId);
        return Plain(record, source, fallbackId);
    }

    /// <summary>The id of a record that names none: its file and line.</summary>
    public static string DefaultId(SourceLocation source) =>
        source.Line > 0 ? $"{Path.GetFileName(source.File)}:{source.Line}" : Path.GetFileName(source.File);

    private static InputRecord Plain(JsonElement record, SourceLocation source, string fallbackId)
    {
        var id = RecordFields.Text(record, "id") ?? fallbackId;
        return Pair(id, source, RecordFields.Text(record, "strategy"),
            RecordFields.Text(record, "original"), RecordFields.Text(record, "mutated"),
            RecordFields.Text(record, "dbms"), RecordFields.Flag(record, "isUpper"),
            RecordFields.Statements(record, "setup"),
            RecordFields.StatementsProblem(record, "setup") ?? RecordFields.KindProblem(record, PlainText, Flags));
    }

    // Upstream findings and the merged training records built from them; the simplified,
    // hand-edited forms are what the user trains on, so they win when present.
    private static InputRecord Upstream(JsonElement record, SourceLocation source, string fallbackId)
    {
        var strategy = RecordFields.Text(record, "mutationName");
        var bugId = RecordFields.Text(record, "bugId");
        var sqlId = RecordFields.Text(record, "sqlId");
        var id = RecordFields.Text(record, "id")
            ?? (bugId is not null && sqlId is not null ? $"bug-{bugId}-{sqlId}-{strategy}" : fallbackId);
        return Pair(id, source, strategy,
            RecordFields.FirstText(record, "originalSqlsim_modified", "originalSqlsim", "originalSql"),
            RecordFields.FirstText(record, "mutatedSqlsim_modified", "mutatedSqlsim", "mutatedSql"),
            RecordFields.FirstText(record, "dbms", "dbname", "dbName"), RecordFields.Flag(record, "isUpper"),
            RecordFields.Statements(record, "setup"),
            RecordFields.StatementsProblem(record, "setup") ?? RecordFields.KindProblem(record, UpstreamText, Flags));
    }

    internal static InputRecord Pair(string id, SourceLocation source, string? strategy, string? original,
        string? mutated, string? dbms, bool? isUpper, IReadOnlyList<string> setup, string? fieldProblem = null)
    {
        if (fieldProblem is not null)
            return InputRecord.Unreadable(id, source, fieldProblem);
        if (string.IsNullOrWhiteSpace(original) && string.IsNullOrWhiteSpace(mutated))
            return InputRecord.Unreadable(id, source, "the record has no SQL (no original and no mutated query)");
        if (string.IsNullOrWhiteSpace(original))
            return InputRecord.Unreadable(id, source, "the record has no original query");
        if (string.IsNullOrWhiteSpace(mutated))
            return InputRecord.Unreadable(id, source, "the record has no mutated query");
        return InputRecord.Read(new MutationPair(id, source, strategy, original, mutated, dbms, isUpper, setup));
    }
}
