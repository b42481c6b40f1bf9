using System.CommandLine;

namespace MutationHarness.Cli.Commands.FineTune;

/// <summary><c>finetune watch</c>: follow a job to its end; run it again to resume.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var endpoint = new EndpointOptions();
        var job = JobArgument.Create();
        var poll = StartCommand.PollOption();
        var command = new Command("watch", """
            Follow a job to its end: on a terminal a live status line with the latest step and loss, piped a plain
            line per event. Ends with the fine-tuned model id; exit 0 when the job succeeded, 1 when it failed (its
            error printed) or was cancelled. Nothing is kept on this side: stop it at any time and run it again.

            Examples:
              harness finetune watch ftjob-abc123
              harness finetune watch dataset          # the last job started from dataset/train.jsonl
            """) { job, poll };
        endpoint.AddTo(command);
        command.SetAction((result, cancellationToken) => FineTuneGuard.RunAsync(async () =>
        {
            var (jobId, manifest) = await JobArgument.ResolveAsync(result.GetValue(job)!, cancellationToken);
            return await JobFollower.FollowAsync(endpoint.Open(result), jobId, StartCommand.Poll(result, poll), manifest, cancellationToken);
        }));
        return command;
    }
}
