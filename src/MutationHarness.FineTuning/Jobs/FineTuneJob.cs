namespace MutationHarness.FineTuning.Jobs;

/// <summary>A fine-tuning job as the server last described it.</summary>
public sealed record FineTuneJob(
    string Id,
    string Model,
    string Status,
    string? FineTunedModel,
    string? TrainingFile,
    string? ValidationFile,
    IReadOnlyList<string> ResultFiles,
    JobError? Error,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? FinishedAt,
    DateTimeOffset? EstimatedFinish,
    long? TrainedTokens,
    int? Epochs,
    string? Suffix)
{
    /// <summary>The job ended well: <see cref="FineTunedModel"/> names the model.</summary>
    public bool Succeeded => Status == JobStatuses.Succeeded;

    /// <summary>The job will change no more (succeeded, failed or cancelled).</summary>
    public bool IsFinished => Status is JobStatuses.Succeeded or JobStatuses.Failed or JobStatuses.Cancelled;
}

/// <summary>Why a job failed, as the server says it.</summary>
public sealed record JobError(string? Code, string Message, string? Param)
{
    /// <inheritdoc />
    public override string ToString() =>
        (Code is null ? "" : Code + ": ") + Message + (Param is null ? "" : $" (parameter {Param})");
}

/// <summary>The job states the fine-tuning API reports.</summary>
public static class JobStatuses
{
    /// <summary>The uploaded files are being checked.</summary>
    public const string ValidatingFiles = "validating_files";

    /// <summary>Waiting for capacity.</summary>
    public const string Queued = "queued";

    /// <summary>Training.</summary>
    public const string Running = "running";

    /// <summary>Done; the fine-tuned model exists.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Stopped with an error.</summary>
    public const string Failed = "failed";

    /// <summary>Stopped by a user.</summary>
    public const string Cancelled = "cancelled";
}
