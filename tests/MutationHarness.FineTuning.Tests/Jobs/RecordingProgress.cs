using MutationHarness.FineTuning.Jobs;

namespace MutationHarness.FineTuning.Tests.Jobs;

/// <summary>Keeps what a watcher reported.</summary>
internal sealed class RecordingProgress : IJobProgress
{
    public List<JobEvent> Events { get; } = [];

    public List<string> Statuses { get; } = [];

    public List<string> Troubles { get; } = [];

    public void Event(JobEvent jobEvent) => Events.Add(jobEvent);

    public void Status(FineTuneJob job, StepMetrics? latest) => Statuses.Add(job.Status);

    public void Trouble(string message) => Troubles.Add(message);
}
