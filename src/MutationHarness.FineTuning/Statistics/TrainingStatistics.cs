namespace MutationHarness.FineTuning;

/// <summary>The statistics the user's data-prep report prints, with the cost estimate for one model.</summary>
public sealed record TrainingStatistics(
    int ExampleCount,
    Distribution MessagesPerExample,
    Distribution TotalTokensPerExample,
    Distribution AssistantTokensPerExample,
    int OverLimitCount,
    int TokenLimit,
    long BillingTokens,
    int Epochs,
    long ChargedTokens,
    CostEstimate Cost);

/// <summary>The estimated training cost: charged tokens (epochs × billing tokens) at the table's price, with the date of that price.</summary>
public sealed record CostEstimate(string Model, string Encoding, decimal PricePerMillionTokens, string PricesAsOf, decimal Dollars, int Epochs, long ChargedTokens);

/// <summary>The size of a validation file: its examples and tokens, but no epochs and no price, since the
/// service charges for the training file's tokens only.</summary>
public sealed record ValidationStatistics(int ExampleCount, long Tokens, Distribution TokensPerExample, int OverLimitCount)
{
    /// <summary>Why there is no cost here.</summary>
    public string Charged => "not charged: fine-tuning bills the training file's tokens × epochs";

    /// <summary>The uncharged view of statistics computed for a file.</summary>
    public static ValidationStatistics Of(TrainingStatistics s) => new(s.ExampleCount, s.BillingTokens, s.TotalTokensPerExample, s.OverLimitCount);
}
