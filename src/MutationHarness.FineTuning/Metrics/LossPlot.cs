using MutationHarness.FineTuning.Jobs;
using ScottPlot;

namespace MutationHarness.FineTuning.Metrics;

/// <summary>Draws a job's loss curves (train, validation, full validation) with its checkpoints marked, as PNG or SVG.</summary>
public static class LossPlot
{
    private const int Width = 1000;
    private const int Height = 600;

    /// <summary>The picture formats by file extension.</summary>
    public static bool IsSupported(string path) => Path.GetExtension(path).ToLowerInvariant() is ".png" or ".svg";

    /// <summary>Writes the plot to <paramref name="path"/> (its extension picks the format), replacing the file only when done.</summary>
    public static void Save(string path, string title, IReadOnlyList<StepMetrics> steps, IReadOnlyList<JobCheckpoint> checkpoints)
    {
        if (!IsSupported(path))
            throw new ArgumentException($"the plot is written as .png or .svg, not \"{Path.GetFileName(path)}\"");
        var plot = new Plot();
        Line(plot, steps, s => s.TrainLoss, "train loss", points: false);
        Line(plot, steps, s => s.ValidLoss, "validation loss", points: true);
        Line(plot, steps, s => s.FullValidLoss, "full validation loss", points: true);
        foreach (var checkpoint in checkpoints)
        {
            var line = plot.Add.VerticalLine(checkpoint.Step, 1, Colors.Gray, LinePattern.Dashed);
            line.Text = $"checkpoint {checkpoint.Step}";
        }
        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel("loss");
        plot.ShowLegend(Alignment.UpperRight);
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Guid.NewGuid():N}{Path.GetExtension(full)}");
        try
        {
            if (Path.GetExtension(full).Equals(".svg", StringComparison.OrdinalIgnoreCase))
                plot.SaveSvg(temporary, Width, Height);
            else
                plot.SavePng(temporary, Width, Height);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Line(Plot plot, IReadOnlyList<StepMetrics> steps, Func<StepMetrics, double?> value, string label, bool points)
    {
        var present = steps.Where(s => value(s) is not null).ToList();
        if (present.Count == 0)
            return;
        var xs = present.Select(s => (double)s.Step).ToArray();
        var ys = present.Select(s => value(s)!.Value).ToArray();
        var series = points ? plot.Add.Scatter(xs, ys) : plot.Add.ScatterLine(xs, ys);
        series.LegendText = label;
    }
}
