namespace MutationHarness.FineTuning;

/// <summary>One chat fine-tuning example: the messages of one JSONL line.</summary>
public sealed record ChatExample(IReadOnlyList<ChatMessage> Messages);
