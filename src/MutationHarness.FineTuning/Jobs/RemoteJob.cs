using System.ClientModel.Primitives;
using System.Globalization;
using System.Text.Json;
using OpenAI.FineTuning;

namespace MutationHarness.FineTuning.Jobs;

/// <summary>A job read from the server, with the calls that need it: its events, its checkpoints, cancelling it.</summary>
public sealed class RemoteJob
{
    private const int PageSize = 100;
    private readonly FineTuningJob _job;

    internal RemoteJob(FineTuningJob job)
    {
        _job = job;
        State = JobJson.Read(job.GetRawResponse().Content);
    }

    /// <summary>The job as read.</summary>
    public FineTuneJob State { get; }

    /// <summary>The events after the one with id <paramref name="lastSeen"/> (all when null), oldest first.</summary>
    public Task<IReadOnlyList<JobEvent>> EventsAsync(string? lastSeen, CancellationToken cancellationToken) =>
        FineTuneApi.CallAsync($"reading the events of {State.Id}", async () =>
        {
            // The server lists events newest first: read back to the last one seen.
            var fresh = new List<JobEvent>();
            await foreach (var e in _job.GetEventsAsync(new GetEventsOptions { PageSize = PageSize }, cancellationToken))
            {
                if (e.Id == lastSeen)
                    break;
                fresh.Add(new JobEvent(e.Id, e.CreatedAt, e.Level ?? "info", e.Message ?? "", Metrics(e.Data)));
            }
            fresh.Reverse();
            return (IReadOnlyList<JobEvent>)fresh;
        });

    /// <summary>The saved checkpoints, by step.</summary>
    public Task<IReadOnlyList<JobCheckpoint>> CheckpointsAsync(CancellationToken cancellationToken) =>
        FineTuneApi.CallAsync($"reading the checkpoints of {State.Id}", async () =>
        {
            var checkpoints = new List<JobCheckpoint>();
            await foreach (var c in _job.GetCheckpointsAsync(new GetCheckpointsOptions { PageSize = PageSize }, cancellationToken))
            {
                var m = c.Metrics;
                checkpoints.Add(new JobCheckpoint(c.Id, c.ModelId, c.StepNumber, c.CreatedAt, new StepMetrics(
                    c.StepNumber, null, Widen(m?.TrainLoss), Widen(m?.TrainMeanTokenAccuracy), Widen(m?.ValidLoss), Widen(m?.ValidMeanTokenAccuracy),
                    Widen(m?.FullValidLoss), Widen(m?.FullValidMeanTokenAccuracy))));
            }
            return (IReadOnlyList<JobCheckpoint>)checkpoints.OrderBy(c => c.Step).ToList();
        });

    /// <summary>Asks the server to cancel the job; returns the job as the server then describes it.</summary>
    public Task<FineTuneJob> CancelAsync(CancellationToken cancellationToken) =>
        FineTuneApi.CallAsync($"cancelling {State.Id}", async () =>
        {
            var result = await _job.CancelAsync(new RequestOptions { CancellationToken = cancellationToken });
            return JobJson.Read(result.GetRawResponse().Content);
        });

    // The SDK reads checkpoint metrics as float: widen by their shortest text, so 0.1412 stays 0.1412 and not 0.1411760002374649.
    private static double? Widen(float? value) =>
        value is { } v ? double.Parse(v.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : null;

    private static StepMetrics? Metrics(BinaryData? data)
    {
        if (data is null || data.ToMemory().IsEmpty)
            return null;
        try
        {
            using var document = JsonDocument.Parse(data);
            return JobJson.Metrics(document.RootElement);
        }
        catch (JsonException)
        {
            return null; // a message event with odd data is still a message
        }
    }
}
