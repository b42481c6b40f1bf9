namespace MutationHarness.FineTuning;

/// <summary>A fine-tunable model: its tokenizer encoding, per-example token limit and training price.</summary>
public sealed record ModelSpec(
    string Name,
    string Encoding,
    int MaxTokensPerExample,
    decimal TrainingPricePerMillionTokens,
    IReadOnlyList<string>? Aliases = null);
