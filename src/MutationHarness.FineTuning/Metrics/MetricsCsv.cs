using System.Globalization;
using System.Text;
using MutationHarness.Core.Files;
using MutationHarness.FineTuning.Jobs;

namespace MutationHarness.FineTuning.Metrics;

/// <summary>Writes per-step metrics as CSV, one row a step, with the checkpoint saved at that step.</summary>
public static class MetricsCsv
{
    /// <summary>The header line.</summary>
    public const string Header = "step,train_loss,train_accuracy,valid_loss,valid_accuracy,full_valid_loss,full_valid_accuracy,checkpoint";

    /// <summary>Writes the file atomically.</summary>
    public static Task WriteAsync(string path, IReadOnlyList<StepMetrics> steps, IReadOnlyList<JobCheckpoint> checkpoints, CancellationToken cancellationToken) =>
        OutputFile.WriteAllTextAsync(path, Render(steps, checkpoints), cancellationToken);

    /// <summary>The CSV text.</summary>
    public static string Render(IReadOnlyList<StepMetrics> steps, IReadOnlyList<JobCheckpoint> checkpoints)
    {
        var byStep = checkpoints.GroupBy(c => c.Step).ToDictionary(g => g.Key, g => g.First().ModelId);
        var text = new StringBuilder(Header).Append('\n');
        foreach (var s in steps)
        {
            text.Append(s.Step.ToString(CultureInfo.InvariantCulture));
            foreach (var value in new[] { s.TrainLoss, s.TrainAccuracy, s.ValidLoss, s.ValidAccuracy, s.FullValidLoss, s.FullValidAccuracy })
                text.Append(',').Append(value?.ToString("R", CultureInfo.InvariantCulture));
            text.Append(',').Append(byStep.GetValueOrDefault(s.Step)).Append('\n');
        }
        return text.ToString();
    }
}
