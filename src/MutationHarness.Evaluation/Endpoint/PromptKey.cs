using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MutationHarness.Core.Chat;

namespace MutationHarness.Evaluation;

/// <summary>The cache key of a request: a SHA-256 over the endpoint, the model and the messages.</summary>
internal static class PromptKey
{
    public static string Of(Uri endpoint, string model, IReadOnlyList<ChatMessage> prompt)
    {
        // Serialised as JSON so that no choice of separator can make two prompts collide.
        var canonical = JsonSerializer.Serialize(new
        {
            endpoint = endpoint.ToString().TrimEnd('/'),
            model,
            temperature = 0,
            messages = prompt.Select(m => new[] { m.Role, m.Content }),
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
