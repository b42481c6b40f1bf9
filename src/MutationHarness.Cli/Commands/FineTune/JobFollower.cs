using MutationHarness.FineTuning.Jobs;

namespace MutationHarness.Cli.Commands.FineTune;

/// <summary>Follows a job to its end for <c>watch</c> and <c>start --wait</c>, and says how it ended.</summary>
internal static class JobFollower
{
    /// <summary>Exit 0 when the job succeeded (the fine-tuned model printed last), 1 when it failed or was cancelled.</summary>
    public static async Task<int> FollowAsync(FineTuneApi api, string jobId, TimeSpan poll, string? manifest, CancellationToken cancellationToken)
    {
        var display = WatchDisplay.ForConsole();
        FineTuneJob job;
        try
        {
            job = await new JobWatcher(api, poll).FollowAsync(jobId, display, cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or FineTuneApiException)
        {
            display.CloseLine();
            Console.Error.WriteLine($"stopped watching; the job goes on on the server. Resume with: harness finetune watch {jobId}");
            throw;
        }
        display.CloseLine();
        if (manifest is not null)
            await ManifestJobs.UpdateAsync(manifest, job, cancellationToken);
        if (job.Succeeded)
        {
            Console.WriteLine($"fine-tuned model: {job.FineTunedModel}");
            return ExitCodes.Ok;
        }
        Console.WriteLine(job.Error is { } error ? $"job {job.Id} {job.Status}: {error}" : $"job {job.Id} {job.Status}");
        return ExitCodes.Failed;
    }
}
