using MutationHarness.Core.Chat;

namespace MutationHarness.FineTuning;

/// <summary>Computes the token statistics and the cost estimate of examples held in memory.</summary>
public static class TrainingStatisticsCalculator
{
    /// <summary>Counts every example's tokens (on all cores) and summarises them for one model.</summary>
    public static TrainingStatistics Compute(IReadOnlyList<ChatExample> examples, ModelSpec model, string pricesAsOf)
    {
        var counter = TokenCounter.ForModel(model);
        var totals = new int[examples.Count];
        var assistants = new int[examples.Count];
        CountInParallel(counter, examples, totals, assistants);
        var accumulator = new StatisticsAccumulator();
        for (var i = 0; i < examples.Count; i++)
            accumulator.Add(examples[i].Messages.Count, totals[i], assistants[i]);
        return accumulator.Build(model, pricesAsOf);
    }

    internal static void CountInParallel(TokenCounter counter, IReadOnlyList<ChatExample> examples, int[] totals, int[] assistants)
    {
        if (examples.Count == 0)
            return;
        // Ranges rather than single items: the per-example work is small.
        var ranges = System.Collections.Concurrent.Partitioner.Create(0, examples.Count, Math.Max(64, examples.Count / (Environment.ProcessorCount * 8) + 1));
        Parallel.ForEach(ranges, range =>
        {
            for (var i = range.Item1; i < range.Item2; i++)
            {
                totals[i] = counter.EstimateExampleTokens(examples[i]);
                assistants[i] = counter.CountAssistantTokens(examples[i]);
            }
        });
    }
}
