namespace MutationHarness.Core.Chat;

/// <summary>One message of a chat fine-tuning example.</summary>
public sealed record ChatMessage(string Role, string Content, string? Name = null, int? Weight = null);
