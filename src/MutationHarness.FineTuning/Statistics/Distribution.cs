namespace MutationHarness.FineTuning;

/// <summary>The summary of one per-example quantity: min/max, mean/median, the 5th/95th and the 10th/90th percentiles.</summary>
/// <remarks>The public data-prep notebook labels its 0.1 and 0.9 quantiles "p5 / p95" (the seed's report prints
/// them so); both pairs are kept, each under its true name.</remarks>
public sealed record Distribution(double Min, double Max, double Mean, double Median, double P5, double P95, double P10, double P90)
{
    /// <summary>Summarises values the way numpy does (mean, median, and percentiles by linear interpolation).</summary>
    public static Distribution Of(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
            return new Distribution(0, 0, 0, 0, 0, 0, 0, 0);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        long sum = 0;
        foreach (var value in sorted)
            sum += value;
        return new Distribution(
            sorted[0],
            sorted[^1],
            (double)sum / sorted.Length,
            MedianOf(sorted),
            Percentile(sorted, 5),
            Percentile(sorted, 95),
            Percentile(sorted, 10),
            Percentile(sorted, 90));
    }

    /// <summary>numpy's default percentile ("linear"): index (n-1)·q, interpolated with numpy's own rounding.</summary>
    internal static double Percentile(int[] sorted, double percent)
    {
        var q = percent / 100.0;
        var virtualIndex = (sorted.Length - 1) * q;
        var below = (int)Math.Floor(virtualIndex);
        var above = Math.Min(below + 1, sorted.Length - 1);
        var t = virtualIndex - below;
        double a = sorted[below], b = sorted[above];
        var difference = b - a;
        // numpy's _lerp switches form at t >= 0.5 to stay monotone; the same form gives the same bits.
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }

    private static double MedianOf(int[] sorted)
    {
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : ((double)sorted[middle - 1] + sorted[middle]) / 2;
    }
}
