using System.Text.Encodings.Web;
using System.Text.Json;
using MutationHarness.Core.Chat;

namespace MutationHarness.FineTuning;

/// <summary>Writes examples and rejections as JSONL; SQL stays readable (no \u003C for '&lt;').</summary>
internal static class ExampleJson
{
    // Relaxed escaping is safe here: the files are data for an API, never embedded in HTML.
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteExamplesAsync(Stream stream, IReadOnlyList<PlannedExample> examples, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(stream, WriterOptions);
        foreach (var example in examples)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("messages");
            WriteMessage(writer, ChatRoles.System, example.SystemMessage);
            WriteMessage(writer, ChatRoles.User, example.Candidate.Original);
            WriteMessage(writer, ChatRoles.Assistant, example.Candidate.Mutated);
            writer.WriteEndArray();
            writer.WriteEndObject();
            await EndLineAsync(writer, stream, cancellationToken);
        }
    }

    /// <summary>One line per dropped candidate: why, and the pair as plain pair JSONL.</summary>
    public static async Task WriteRejectedAsync(Stream stream, IReadOnlyList<RejectedCandidate> rejected, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(stream, WriterOptions);
        foreach (var r in rejected)
        {
            writer.WriteStartObject();
            writer.WriteString("id", r.Candidate.Id);
            writer.WriteString("source", r.Candidate.Source);
            writer.WriteString("strategy", r.Candidate.Strategy);
            writer.WriteString("dbms", r.Candidate.Dbms);
            writer.WriteString("reason", r.Reason);
            writer.WriteString("detail", r.Detail);
            // The pair itself, so the file can be fixed by hand and given straight back to verify or clean.
            writer.WriteString("original", r.Candidate.Original);
            writer.WriteString("mutated", r.Candidate.Mutated);
            if (r.Candidate.Setup is { Count: > 0 } setup)
            {
                writer.WriteStartArray("setup");
                foreach (var statement in setup)
                    writer.WriteStringValue(statement);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
            await EndLineAsync(writer, stream, cancellationToken);
        }
    }

    public static ChatExample ToChatExample(PlannedExample example) => new(
    [
        new ChatMessage(ChatRoles.System, example.SystemMessage),
        new ChatMessage(ChatRoles.User, example.Candidate.Original),
        new ChatMessage(ChatRoles.Assistant, example.Candidate.Mutated),
    ]);

    private static void WriteMessage(Utf8JsonWriter writer, string role, string content)
    {
        writer.WriteStartObject();
        writer.WriteString("role", role);
        writer.WriteString("content", content);
        writer.WriteEndObject();
    }

    private static async Task EndLineAsync(Utf8JsonWriter writer, Stream stream, CancellationToken cancellationToken)
    {
        await writer.FlushAsync(cancellationToken);
        stream.WriteByte((byte)'\n');
        writer.Reset(stream);
    }
}
