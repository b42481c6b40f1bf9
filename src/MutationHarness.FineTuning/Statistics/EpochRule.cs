namespace MutationHarness.FineTuning;

/// <summary>The epoch count the fine-tuning service picks by default for a number of training examples.</summary>
public static class EpochRule
{
    private const int TargetEpochs = 3;
    private const int MinTargetExamples = 100;
    private const int MaxTargetExamples = 25_000;
    private const int MinDefaultEpochs = 1;
    private const int MaxDefaultEpochs = 25;

    /// <summary>3 epochs, more for tiny sets (up to 25) and fewer for huge ones (down to 1); 0 for an empty set.</summary>
    public static int DefaultEpochs(long exampleCount)
    {
        if (exampleCount <= 0)
            return 0;
        if (exampleCount * TargetEpochs < MinTargetExamples)
            return (int)Math.Min(MaxDefaultEpochs, MinTargetExamples / exampleCount);
        if (exampleCount * TargetEpochs > MaxTargetExamples)
            return (int)Math.Max(MinDefaultEpochs, MaxTargetExamples / exampleCount);
        return TargetEpochs;
    }
}
