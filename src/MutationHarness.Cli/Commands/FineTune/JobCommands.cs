using System.CommandLine;
using MutationHarness.FineTuning.Jobs;

namespace MutationHarness.Cli.Commands.FineTune;

/// <summary>The small questions about jobs: <c>status</c>, <c>list</c>, <c>events</c>, <c>checkpoints</c>, and <c>cancel</c>.</summary>
internal static class JobCommands
{
    public static Command Status() => OnJob("status", "Show a job: status, model, files, epochs, the fine-tuned model or the error.",
        async (job, _, _) =>
        {
            JobText.WriteSummary(job.State, Console.Out);
            return ExitCodes.Ok;
        });

    public static Command Events() => OnJob("events", "List a job's events, oldest first (messages, and a metrics line per step).",
        async (job, _, cancellationToken) =>
        {
            foreach (var e in await job.EventsAsync(lastSeen: null, cancellationToken))
                Console.WriteLine(JobText.Event(e));
            return ExitCodes.Ok;
        });

    public static Command Checkpoints() => OnJob("checkpoints",
        "List a job's checkpoints: step, train and validation loss and accuracy, and the checkpoint model id to evaluate.",
        async (job, _, cancellationToken) =>
        {
            var checkpoints = await job.CheckpointsAsync(cancellationToken);
            if (checkpoints.Count == 0)
            {
                Console.WriteLine($"{job.State.Id} has no checkpoints yet ({job.State.Status}); the service saves them at the ends of the last epochs.");
                return ExitCodes.Ok;
            }
            Console.WriteLine(JobText.CheckpointHeader);
            foreach (var c in checkpoints)
                Console.WriteLine(JobText.Checkpoint(c));
            return ExitCodes.Ok;
        });

    public static Command Cancel() => OnJob("cancel", "Cancel a job that has not finished.",
        async (job, manifest, cancellationToken) =>
        {
            if (job.State.IsFinished)
            {
                Console.WriteLine($"{job.State.Id} already {job.State.Status}; nothing to cancel");
                return ExitCodes.Ok;
            }
            var cancelled = await job.CancelAsync(cancellationToken);
            if (manifest is not null)
                await ManifestJobs.UpdateAsync(manifest, cancelled, cancellationToken);
            Console.WriteLine($"{cancelled.Id}: {cancelled.Status}");
            return ExitCodes.Ok;
        });

    public static Command List()
    {
        var endpoint = new EndpointOptions();
        var limit = new Option<int>("--limit") { Description = "How many of the newest jobs.", DefaultValueFactory = _ => 20 };
        var command = new Command("list", "List the newest fine-tuning jobs.") { limit };
        endpoint.AddTo(command);
        command.SetAction((result, cancellationToken) => FineTuneGuard.RunAsync(async () =>
        {
            if (result.GetValue(limit) is < 1 or > 100)
                throw new UsageException("--limit is between 1 and 100");
            var jobs = await endpoint.Open(result).ListJobsAsync(result.GetValue(limit), cancellationToken);
            Console.WriteLine(JobText.RowHeader);
            foreach (var job in jobs)
                Console.WriteLine(JobText.Row(job));
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Command OnJob(string name, string description, Func<RemoteJob, string?, CancellationToken, Task<int>> action)
    {
        var endpoint = new EndpointOptions();
        var job = JobArgument.Create();
        var command = new Command(name, description) { job };
        endpoint.AddTo(command);
        command.SetAction((result, cancellationToken) => FineTuneGuard.RunAsync(async () =>
        {
            var (jobId, manifest) = await JobArgument.ResolveAsync(result.GetValue(job)!, cancellationToken);
            var api = endpoint.Open(result);
            return await action(await api.OpenJobAsync(jobId, cancellationToken), manifest, cancellationToken);
        }));
        return command;
    }
}
