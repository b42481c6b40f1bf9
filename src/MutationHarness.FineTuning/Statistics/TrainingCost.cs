namespace MutationHarness.FineTuning;

/// <summary>The training cost of a file: epochs × its billing tokens at the model's price per million.</summary>
public static class TrainingCost
{
    /// <summary>The estimate for <paramref name="epochs"/> passes over <paramref name="billingTokens"/>, at the price table's date.</summary>
    public static CostEstimate Estimate(ModelSpec model, string pricesAsOf, long billingTokens, int epochs)
    {
        var charged = epochs * billingTokens;
        var dollars = Math.Round(charged * model.TrainingPricePerMillionTokens / 1_000_000m, 2, MidpointRounding.AwayFromZero);
        return new CostEstimate(model.Name, model.Encoding, model.TrainingPricePerMillionTokens, pricesAsOf, dollars, epochs, charged);
    }
}
