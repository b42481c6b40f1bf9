namespace MutationHarness.FineTuning;

/// <summary>What a dataset build wrote: the four files, the counts, the drops by reason, warnings and the train estimate.</summary>
public sealed record DatasetResult(
    string TrainPath,
    string ValidationPath,
    string RejectedPath,
    string ManifestPath,
    int InputCount,
    int TrainCount,
    int ValidationCount,
    int RejectedCount,
    IReadOnlyDictionary<string, int> DroppedByReason,
    IReadOnlyList<string> Warnings,
    TrainingStatistics TrainStatistics);
