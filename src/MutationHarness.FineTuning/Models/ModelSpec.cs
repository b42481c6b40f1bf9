namespace MutationHarness.FineTuning;

/// <summary>A fine-tunable model: its tokenizer encoding, per-example token limit, training price and example format.</summary>
/// <param name="Format"><c>chat</c> (the default: <c>{"messages": […]}</c>) or <c>completion</c> (the legacy
/// <c>{"prompt", "completion"}</c> lines that babbage-002 and davinci-002 take).</param>
public sealed record ModelSpec(
    string Name,
    string Encoding,
    int MaxTokensPerExample,
    decimal TrainingPricePerMillionTokens,
    IReadOnlyList<string>? Aliases = null,
    string? Format = null)
{
    /// <summary>The chat format.</summary>
    public const string ChatFormat = "chat";

    /// <summary>The legacy prompt/completion format.</summary>
    public const string CompletionFormat = "completion";

    /// <summary>Whether the model is trained on legacy <c>{"prompt", "completion"}</c> lines rather than chat examples.</summary>
    public bool TakesPromptCompletion => Format == CompletionFormat;
}
