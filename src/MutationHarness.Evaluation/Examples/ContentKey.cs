using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MutationHarness.Core.Chat;

namespace MutationHarness.Evaluation;

/// <summary>Keys an example by what it asks, not where it sits: a hash of its prompt (system and user text), so that
/// a renamed, copied or reordered test file still meets its baseline, and a hash of its reference, so that an
/// edited reference shows as a changed example.</summary>
public static class ContentKey
{
    /// <summary>The key of an example: its prompt's, or for a line that could not be read, its id's.</summary>
    public static string Of(TestExample example) =>
        example.Prompt.Count > 0 ? Of(example.Prompt) : Hash("unreadable\n" + example.Id);

    /// <summary>The key of a prompt: 128 bits of SHA-256 over its roles and texts, as hex.</summary>
    public static string Of(IReadOnlyList<ChatMessage> prompt) =>
        // Serialised as JSON so that no choice of separator can make two prompts collide.
        Hash(JsonSerializer.Serialize(prompt.Select(m => new[] { m.Role, m.Content })));

    /// <summary>The key of a reference answer (or of anything else the grade is measured against), or null.</summary>
    public static string? OfReference(string? reference) => reference is null ? null : Hash(reference);

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));
}
