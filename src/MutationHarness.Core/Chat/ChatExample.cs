using System.Text.Json;

namespace MutationHarness.Core.Chat;

/// <summary>One chat fine-tuning example: the messages of one JSONL line.</summary>
/// <remarks>The example teaches its last assistant message (the <see cref="Answer"/>) as the reply to everything
/// before it (the <see cref="Prompt"/>); the last user message of the prompt is the <see cref="Question"/>
/// (the seed query, or a natural-language question).</remarks>
public sealed record ChatExample(IReadOnlyList<ChatMessage> Messages)
{
    /// <summary>The first system message's text, or null when there is none.</summary>
    public string? System => Messages.FirstOrDefault(m => m.Role == ChatRoles.System)?.Content;

    /// <summary>The messages a model is sent: every message before the last assistant message (all when there is none).</summary>
    public IReadOnlyList<ChatMessage> Prompt => AnswerIndex is var last and >= 0 ? Messages.Take(last).ToList() : Messages;

    /// <summary>The last user message of the prompt, or null when there is none.</summary>
    public string? Question => Prompt.LastOrDefault(m => m.Role == ChatRoles.User)?.Content;

    /// <summary>The last assistant message's text: what the example teaches, or null when there is none.</summary>
    public string? Answer => AnswerIndex is var last and >= 0 ? Messages[last].Content : null;

    private int AnswerIndex
    {
        get
        {
            for (var i = Messages.Count - 1; i >= 0; i--)
            {
                if (Messages[i].Role == ChatRoles.Assistant)
                    return i;
            }
            return -1;
        }
    }

    /// <summary>Reads a JSON <c>messages</c> list leniently: entries that are not objects are skipped, and a role or
    /// content that is not a string reads as empty text (the format checks of <c>inspect</c> are stricter).</summary>
    public static ChatExample FromJson(JsonElement messages) =>
        new(messages.ValueKind != JsonValueKind.Array ? [] : messages.EnumerateArray()
            .Where(m => m.ValueKind == JsonValueKind.Object)
            .Select(m => new ChatMessage(Text(m, "role"), Text(m, "content")))
            .ToList());

    private static string Text(JsonElement message, string name) =>
        message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
}
