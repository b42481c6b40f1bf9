using MutationHarness.FineTuning.Jobs;

namespace MutationHarness.FineTuning.Metrics;

/// <summary>A job's per-step metrics and checkpoints, and where the steps came from.</summary>
public sealed record JobMetrics(IReadOnlyList<StepMetrics> Steps, IReadOnlyList<JobCheckpoint> Checkpoints, string Source)
{
    /// <summary>
    /// Reads the job's result file when it has one; a job still running has none yet, so its metrics
    /// events stand in (as the seed's user did by hand). Checkpoint metrics fill the full-validation
    /// values the steps lack.
    /// </summary>
    public static async Task<JobMetrics> ReadAsync(FineTuneApi api, RemoteJob job, CancellationToken cancellationToken)
    {
        var checkpoints = await job.CheckpointsAsync(cancellationToken);
        IReadOnlyList<StepMetrics> steps;
        string source;
        if (job.State.ResultFiles.Count > 0)
        {
            var file = job.State.ResultFiles[^1];
            steps = ResultFile.Parse(await api.DownloadAsync(file, cancellationToken));
            source = $"result file {file}";
        }
        else
        {
            var events = await job.EventsAsync(lastSeen: null, cancellationToken);
            steps = events.Select(e => e.Metrics).OfType<StepMetrics>()
                .GroupBy(m => m.Step).Select(g => g.Last()).OrderBy(m => m.Step).ToList();
            source = $"{steps.Count} metrics events (the job, {job.State.Status}, has no result file yet)";
        }
        return new JobMetrics(WithCheckpointValues(steps, checkpoints), checkpoints, source);
    }

    private static List<StepMetrics> WithCheckpointValues(IReadOnlyList<StepMetrics> steps, IReadOnlyList<JobCheckpoint> checkpoints)
    {
        var atCheckpoint = checkpoints.GroupBy(c => c.Step).ToDictionary(g => g.Key, g => g.First().Metrics);
        return steps.Select(s => atCheckpoint.TryGetValue(s.Step, out var c)
            ? s with { FullValidLoss = s.FullValidLoss ?? c.FullValidLoss, FullValidAccuracy = s.FullValidAccuracy ?? c.FullValidAccuracy }
            : s).ToList();
    }
}
