using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using MutationHarness.Core.Chat;

namespace MutationHarness.FineTuning;

/// <summary>Checks one JSONL line against the chat fine-tuning format and reads its example.</summary>
internal static class ExampleChecker
{
    private static readonly string[] AllowedKeys = ["role", "content", "name", "function_call", "tool_calls", "weight"];
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    public static LineCheck Check(long lineNumber, ReadOnlyMemory<byte> line, bool isUnterminatedLastLine)
    {
        var check = new LineCheck(lineNumber);
        if (line.Span.StartsWith(ByteOrderMark))
            line = line[ByteOrderMark.Length..];
        if (!Utf8.IsValid(line.Span))
        {
            check.AddError(FormatIssueKinds.InvalidUtf8, $"invalid byte sequence near byte {FirstInvalidByte(line.Span) + 1}");
            return check;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            if (isUnterminatedLastLine)
                check.AddError(FormatIssueKinds.TruncatedLastLine, "cut off: no line break at the end and not valid JSON");
            else
                check.AddError(FormatIssueKinds.DataType, line.IsEmpty ? "blank line" : $"not valid JSON (at byte {ex.BytePositionInLine + 1})");
            return check;
        }
        using (document)
            CheckExample(check, document.RootElement);
        return check;
    }

    private static void CheckExample(LineCheck check, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            check.AddError(FormatIssueKinds.DataType, $"a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
            return;
        }
        if (!root.TryGetProperty("messages", out var messages) && root.TryGetProperty("prompt", out var prompt) && root.TryGetProperty("completion", out var completion))
        {
            CheckLegacy(check, prompt, completion);
            return;
        }
        if (messages.ValueKind != JsonValueKind.Array || messages.GetArrayLength() == 0)
        {
            check.AddError(FormatIssueKinds.MissingMessagesList);
            return;
        }
        var read = new List<ChatMessage>(messages.GetArrayLength());
        var canonical = new StringBuilder();
        foreach (var message in messages.EnumerateArray())
            read.Add(CheckMessage(check, message, read.Count + 1, canonical));
        check.Example = new ChatExample(read);
        check.HasSystem = read.Any(m => m.Role == ChatRoles.System);
        check.HasUser = read.Any(m => m.Role == ChatRoles.User);
        if (!read.Any(m => m.Role == ChatRoles.Assistant))
            check.AddError(FormatIssueKinds.ExampleMissingAssistantMessage);
        else if (read[^1].Role != ChatRoles.Assistant)
            check.AddError(FormatIssueKinds.LastMessageNotAssistant, $"last role \"{read[^1].Role}\"");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString()));
        check.DuplicateKey = BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    // The completions-era format (seed 000's file): the model learns the completion as the reply to the prompt.
    private static void CheckLegacy(LineCheck check, JsonElement prompt, JsonElement completion)
    {
        check.Legacy = true;
        if (prompt.ValueKind != JsonValueKind.String || completion.ValueKind != JsonValueKind.String || completion.GetString()!.Length == 0)
            check.AddError(FormatIssueKinds.MissingContent, "the prompt and the completion must be strings, the completion not empty");
        var text = (JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : "";
        check.Example = new ChatExample([new ChatMessage(ChatRoles.User, text(prompt)), new ChatMessage(ChatRoles.Assistant, text(completion))]);
        check.HasUser = true;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("legacy\0" + text(prompt) + "\u0001" + text(completion)));
        check.DuplicateKey = BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }

    private static ChatMessage CheckMessage(LineCheck check, JsonElement message, int position, StringBuilder canonical)
    {
        if (message.ValueKind != JsonValueKind.Object)
        {
            check.AddError(FormatIssueKinds.MessageMissingKey, $"message {position} is not an object");
            canonical.Append(message.GetRawText()).Append('\u0001');
            return new ChatMessage("", "");
        }
        var role = StringOrNull(message, "role");
        var content = message.TryGetProperty("content", out var contentElement) ? contentElement : default;
        var hasCall = message.TryGetProperty("function_call", out _) || message.TryGetProperty("tool_calls", out _);
        if (!message.TryGetProperty("role", out _) || (content.ValueKind == JsonValueKind.Undefined && !hasCall))
            check.AddError(FormatIssueKinds.MessageMissingKey, $"message {position} lacks {(message.TryGetProperty("role", out _) ? "content" : "role")}");
        foreach (var property in message.EnumerateObject())
        {
            if (!AllowedKeys.Contains(property.Name))
                check.AddError(FormatIssueKinds.MessageUnrecognizedKey, $"message {position} has key \"{property.Name}\"");
            canonical.Append(property.Name).Append('\0')
                .Append(property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText())
                .Append('\u0001');
        }
        canonical.Append('\u0002');
        if (!ChatRoles.IsKnown(role))
            check.AddError(FormatIssueKinds.UnrecognizedRole, $"message {position} has role {(role is null ? "missing or not a string" : $"\"{role}\"")}");
        var text = content.ValueKind == JsonValueKind.String ? content.GetString() : null;
        var callInsteadOfContent = hasCall && content.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;
        if (string.IsNullOrEmpty(text) && !callInsteadOfContent)
            check.AddError(FormatIssueKinds.MissingContent, $"message {position} content is {Describe(content)}");
        var weight = CheckWeight(check, message, position);
        return new ChatMessage(role ?? "", text ?? "", StringOrNull(message, "name"), weight);
    }

    private static int? CheckWeight(LineCheck check, JsonElement message, int position)
    {
        if (!message.TryGetProperty("weight", out var weight))
            return null;
        if (weight.ValueKind == JsonValueKind.Number && weight.TryGetDouble(out var value) && value is 0 or 1)
            return (int)value;
        check.AddError(FormatIssueKinds.InvalidWeight, $"message {position} weight is {weight.GetRawText()}");
        return null;
    }

    private static string? StringOrNull(JsonElement message, string key) =>
        message.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Describe(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.Undefined => "missing",
        JsonValueKind.String => "empty",
        _ => $"a JSON {content.ValueKind.ToString().ToLowerInvariant()}",
    };

    private static int FirstInvalidByte(ReadOnlySpan<byte> line)
    {
        System.Buffers.OperationStatus status;
        var offset = 0;
        Span<char> scratch = stackalloc char[256];
        do
        {
            status = Utf8.ToUtf16(line[offset..], scratch, out var read, out _, replaceInvalidSequences: false);
            offset += read;
        }
        while (status == System.Buffers.OperationStatus.DestinationTooSmall);
        return offset;
    }
}
