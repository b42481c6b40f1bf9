namespace MutationHarness.FineTuning.Jobs;

/// <summary>One event of a job's log: a message, and for a training step its metrics.</summary>
public sealed record JobEvent(string Id, DateTimeOffset CreatedAt, string Level, string Message, StepMetrics? Metrics);

/// <summary>The metrics of one training step (or checkpoint); a value the server did not send is null.</summary>
public sealed record StepMetrics(
    int Step,
    int? TotalSteps = null,
    double? TrainLoss = null,
    double? TrainAccuracy = null,
    double? ValidLoss = null,
    double? ValidAccuracy = null,
    double? FullValidLoss = null,
    double? FullValidAccuracy = null);

/// <summary>A model saved during training: usable like the final model.</summary>
public sealed record JobCheckpoint(string Id, string ModelId, int Step, DateTimeOffset CreatedAt, StepMetrics Metrics);

/// <summary>A file the server stored.</summary>
public sealed record UploadedFile(string Id, string Name, long? Bytes);
