using System.Globalization;
using MutationHarness.FineTuning.Jobs;

namespace MutationHarness.Cli.Commands.FineTune;

/// <summary>How jobs, events and checkpoints read on the terminal.</summary>
internal static class JobText
{
    public static void WriteSummary(FineTuneJob job, TextWriter output)
    {
        output.WriteLine($"job:              {job.Id}");
        output.WriteLine($"status:           {job.Status}");
        output.WriteLine($"model:            {job.Model}");
        if (job.FineTunedModel is not null)
            output.WriteLine($"fine-tuned model: {job.FineTunedModel}");
        if (job.Error is not null)
            output.WriteLine($"error:            {job.Error}");
        output.WriteLine($"training file:    {job.TrainingFile ?? "-"}");
        output.WriteLine($"validation file:  {job.ValidationFile ?? "-"}");
        output.WriteLine($"epochs:           {job.Epochs?.ToString(CultureInfo.InvariantCulture) ?? "auto"}");
        if (job.Suffix is not null)
            output.WriteLine($"suffix:           {job.Suffix}");
        if (job.TrainedTokens is { } tokens)
            output.WriteLine($"trained tokens:   {tokens.ToString("N0", CultureInfo.InvariantCulture)}");
        output.WriteLine($"created:          {Time(job.CreatedAt)}");
        if (job.FinishedAt is not null)
            output.WriteLine($"finished:         {Time(job.FinishedAt)}");
        else if (job.EstimatedFinish is not null)
            output.WriteLine($"estimated finish: {Time(job.EstimatedFinish)}");
        if (job.ResultFiles.Count > 0)
            output.WriteLine($"result files:     {string.Join(", ", job.ResultFiles)}");
    }

    public static string Row(FineTuneJob job) =>
        $"{job.Id,-30} {job.Status,-16} {job.Model,-28} {job.FineTunedModel ?? "-",-40} {Time(job.CreatedAt)}";

    public static string RowHeader => $"{"job",-30} {"status",-16} {"model",-28} {"fine-tuned model",-40} created";

    public static string Event(JobEvent e) => $"{Time(e.CreatedAt)}  {e.Level,-5}  {e.Message}";

    public static string CheckpointHeader => $"{"step",6} {"train loss",10} {"train acc",9} {"valid loss",10} {"valid acc",9} {"full valid loss",15} {"full valid acc",14}  checkpoint model";

    public static string Checkpoint(JobCheckpoint c)
    {
        var m = c.Metrics;
        return $"{c.Step,6} {Number(m.TrainLoss),10} {Number(m.TrainAccuracy),9} {Number(m.ValidLoss),10} {Number(m.ValidAccuracy),9} {Number(m.FullValidLoss),15} {Number(m.FullValidAccuracy),14}  {c.ModelId}";
    }

    /// <summary>One line for a step: "step 12/30  train loss 0.523  valid loss 0.611".</summary>
    public static string Step(StepMetrics m)
    {
        var text = m.TotalSteps is { } total ? $"step {m.Step}/{total}" : $"step {m.Step}";
        if (m.TrainLoss is { } train)
            text += $"  train loss {Number(train)}";
        if (m.ValidLoss is { } valid)
            text += $"  valid loss {Number(valid)}";
        if (m.FullValidLoss is { } full)
            text += $"  full valid loss {Number(full)}";
        return text;
    }

    public static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-";

    private static string Time(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "-";
}
