using System.CommandLine;
using MutationHarness.FineTuning.Jobs;

namespace MutationHarness.Cli.Commands.FineTune;

/// <summary>The JOB argument: a job id, or a dataset folder (or its manifest.json) whose last started job is meant.</summary>
internal static class JobArgument
{
    public static Argument<string> Create() => new("job")
    {
        Description = "The job id (ftjob-…), or a dataset folder whose manifest.json recorded the job (its latest).",
    };

    /// <summary>The job id, and the manifest that records it when the argument named a dataset.</summary>
    public static async Task<(string JobId, string? Manifest)> ResolveAsync(string given, CancellationToken cancellationToken)
    {
        if (ManifestJobs.Find(given) is not { } manifest)
        {
            if (Directory.Exists(given) || given.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                throw new UsageException($"{given} holds no manifest.json: give a job id (ftjob-…) or a dataset folder that finetune start recorded a job in");
            return (given, null);
        }
        var jobs = await ManifestJobs.ReadAsync(manifest, cancellationToken);
        if (jobs.Count == 0)
            throw new UsageException($"{manifest} records no fine-tuning job yet: start one with harness finetune start --train …");
        return (jobs[^1].JobId, manifest);
    }
}
