using System.Text;
using System.Text.Json;
using MutationHarness.Core.Chat;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;

namespace MutationHarness.Evaluation;

/// <summary>Reads a test set: chat JSONL as <c>clean</c> writes it, or pair records; a bad line becomes an example that fails, never a gap.</summary>
public static class TestSetReader
{
    /// <summary>Reads every non-blank line of a JSONL test file, in order.</summary>
    public static async Task<IReadOnlyList<TestExample>> ReadAsync(string path, EvalMode mode, StrategyCatalog catalog,
        CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            throw new InputException($"test set not found: {path}");
        var examples = new List<TestExample>();
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var line = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } text)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text))
                examples.Add(Parse(text, path, line, mode, catalog));
        }
        return await DatasetManifestSetups.ApplyAsync(path, examples, cancellationToken);
    }

    /// <summary>Reads one line of a test set.</summary>
    public static TestExample Parse(string text, string path, int line, EvalMode mode, StrategyCatalog catalog)
    {
        var fallbackId = $"{Path.GetFileName(path)}:{line}";
        try
        {
            using var document = JsonDocument.Parse(text);
            var record = document.RootElement;
            if (record.ValueKind != JsonValueKind.Object)
                return Unreadable(fallbackId, line, "a test record must be a JSON object");
            var id = RecordFields.Text(record, "id") ?? fallbackId;
            var example = record.TryGetProperty("messages", out var messages)
                ? ChatExamples.Read(id, line, record, messages, mode, catalog)
                : mode == EvalMode.Mutation ? PairExamples.Read(record, path, line, catalog) : PlainSql(id, line, record);
            return mode == EvalMode.Ddl && example.Problem is null ? WithTable(example, record) : example;
        }
        catch (JsonException e)
        {
            return Unreadable(fallbackId, line, $"line {line} is not valid JSON: {e.Message}");
        }
    }

    internal static TestExample Unreadable(string id, int line, string problem) =>
        new(id, line, null, null, [], "", null, problem);

    // A DDL question names the table whose CREATE TABLE it asks for: that table of the schema is the reference.
    private static TestExample WithTable(TestExample example, JsonElement record) =>
        RecordFields.Text(record, "table") is { Length: > 0 } table
            ? example with { Table = table }
            : Unreadable(example.Id, example.Line, "a DDL-mode record needs a 'table': the table of the schema whose CREATE TABLE the question asks for");

    private static TestExample PlainSql(string id, int line, JsonElement record)
    {
        var question = RecordFields.Text(record, "question") ?? RecordFields.Text(record, "prompt") ?? RecordFields.Text(record, "user");
        if (string.IsNullOrWhiteSpace(question))
            return Unreadable(id, line, "a SQL- or DDL-mode record needs a 'question' (or a chat 'messages' list)");
        var reference = RecordFields.Text(record, "reference") ?? RecordFields.Text(record, "sql");
        var prompt = new List<ChatMessage>();
        if (RecordFields.Text(record, "system") is { Length: > 0 } system)
            prompt.Add(new ChatMessage(ChatRoles.System, system));
        prompt.Add(new ChatMessage(ChatRoles.User, question));
        return new TestExample(id, line, null, RecordFields.Text(record, "dbms"), prompt, question, reference);
    }
}
