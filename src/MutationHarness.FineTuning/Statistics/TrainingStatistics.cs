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
