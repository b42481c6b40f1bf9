using System.CommandLine;
using MutationHarness.FineTuning.Jobs;
using MutationHarness.FineTuning.Metrics;

namespace MutationHarness.Cli.Commands.FineTune;

/// <summary><c>finetune metrics</c>: the per-step metrics as CSV, and the loss curves with checkpoints marked.</summary>
internal static class MetricsCommand
{
    public static Command Create()
    {
        var endpoint = new EndpointOptions();
        var job = JobArgument.Create();
        var output = new Option<FileInfo>("--out", "-o") { Description = "The CSV to write: one row a step, with the checkpoint saved at it.", Required = true };
        var plot = new Option<FileInfo?>("--plot") { Description = "Also draw train and validation loss, checkpoints marked: loss.svg or loss.png." };
        var command = new Command("metrics", """
            Read a job's result file (served base64-encoded; decoded here), write its per-step metrics as CSV and,
            with --plot, draw the loss curves (train, validation, full validation) with the checkpoints marked.
            A job still running has no result file yet: its metrics events are used instead.

            Examples:
              harness finetune metrics ftjob-abc123 --out metrics.csv --plot loss.svg
              harness finetune metrics dataset --out dataset/metrics.csv --plot dataset/loss.png
            """) { job, output, plot };
        endpoint.AddTo(command);
        command.SetAction((result, cancellationToken) => FineTuneGuard.RunAsync(async () =>
        {
            var plotFile = result.GetValue(plot);
            if (plotFile is not null && !LossPlot.IsSupported(plotFile.FullName))
                throw new UsageException($"--plot writes .svg or .png, not {plotFile.Name}");
            var (jobId, _) = await JobArgument.ResolveAsync(result.GetValue(job)!, cancellationToken);
            var api = endpoint.Open(result);
            var remote = await api.OpenJobAsync(jobId, cancellationToken);
            var metrics = await JobMetrics.ReadAsync(api, remote, cancellationToken);
            var csv = result.GetValue(output)!.FullName;
            await MetricsCsv.WriteAsync(csv, metrics.Steps, metrics.Checkpoints, cancellationToken);
            Console.WriteLine($"{metrics.Steps.Count} steps from {metrics.Source} → {csv}");
            if (metrics.Steps.LastOrDefault() is { } last)
                Console.WriteLine($"last: {JobText.Step(last)}; {metrics.Checkpoints.Count} checkpoints");
            if (plotFile is not null)
            {
                LossPlot.Save(plotFile.FullName, $"{jobId} ({remote.State.Model})", metrics.Steps, metrics.Checkpoints);
                Console.WriteLine($"loss curves → {plotFile.FullName}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }
}
