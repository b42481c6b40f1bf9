namespace MutationHarness.FineTuning.Jobs;

/// <summary>What a watcher reports as it follows a job.</summary>
public interface IJobProgress
{
    /// <summary>A new event of the job's log, in order.</summary>
    void Event(JobEvent jobEvent);

    /// <summary>The job as read at one poll, with the latest step's metrics seen so far.</summary>
    void Status(FineTuneJob job, StepMetrics? latest);

    /// <summary>A poll failed for a reason that may pass; the watcher tries again.</summary>
    void Trouble(string message);
}

/// <summary>Follows a job to its end: polls its state and new events. Following again later resumes: nothing lives on this side.</summary>
public sealed class JobWatcher
{
    private readonly FineTuneApi _api;
    private readonly TimeSpan _pollInterval;
    private readonly int _maxFailedPolls;

    /// <param name="maxFailedPolls">Polls in a row that may fail for a transient reason before the watcher gives up.</param>
    public JobWatcher(FineTuneApi api, TimeSpan pollInterval, int maxFailedPolls = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pollInterval.Ticks, nameof(pollInterval));
        _api = api;
        _pollInterval = pollInterval;
        _maxFailedPolls = maxFailedPolls;
    }

    /// <summary>Returns the finished job; throws <see cref="FineTuneApiException"/> when the server refuses or stays out of reach.</summary>
    public async Task<FineTuneJob> FollowAsync(string jobId, IJobProgress progress, CancellationToken cancellationToken)
    {
        string? lastSeen = null;
        StepMetrics? latest = null;
        var failures = 0;
        while (true)
        {
            try
            {
                var job = await _api.OpenJobAsync(jobId, cancellationToken);
                foreach (var e in await job.EventsAsync(lastSeen, cancellationToken))
                {
                    lastSeen = e.Id;
                    latest = e.Metrics ?? latest;
                    progress.Event(e);
                }
                progress.Status(job.State, latest);
                if (job.State.IsFinished)
                    return job.State;
                failures = 0;
            }
            catch (FineTuneApiException e) when (e.IsTransient && ++failures < _maxFailedPolls)
            {
                progress.Trouble($"{e.Message} (poll {failures} of {_maxFailedPolls} that may fail in a row)");
            }
            await Task.Delay(_pollInterval, cancellationToken);
        }
    }
}
