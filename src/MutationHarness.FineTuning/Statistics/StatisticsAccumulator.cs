namespace MutationHarness.FineTuning;

/// <summary>Collects per-example counts and turns them into <see cref="TrainingStatistics"/>.</summary>
internal sealed class StatisticsAccumulator
{
    private readonly List<int> _messages = [];
    private readonly List<int> _totalTokens = [];
    private readonly List<int> _assistantTokens = [];

    public int Count => _messages.Count;

    public void Add(int messages, int totalTokens, int assistantTokens)
    {
        _messages.Add(messages);
        _totalTokens.Add(totalTokens);
        _assistantTokens.Add(assistantTokens);
    }

    public TrainingStatistics Build(ModelSpec model, string pricesAsOf)
    {
        var limit = model.MaxTokensPerExample;
        long billing = 0;
        var overLimit = 0;
        foreach (var tokens in _totalTokens)
        {
            billing += Math.Min(limit, tokens);
            if (tokens > limit)
                overLimit++;
        }
        var cost = TrainingCost.Estimate(model, pricesAsOf, billing, EpochRule.DefaultEpochs(Count));
        return new TrainingStatistics(
            Count,
            Distribution.Of(_messages),
            Distribution.Of(_totalTokens),
            Distribution.Of(_assistantTokens),
            overLimit,
            limit,
            billing,
            cost.Epochs,
            cost.ChargedTokens,
            cost);
    }
}
