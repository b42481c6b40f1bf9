using System.Globalization;
using System.Text;

namespace MutationHarness.Evaluation;

/// <summary>A scorecard compared with a baseline example by example: what regressed, what improved, and whether the gate fails.</summary>
/// <param name="Tolerance">The largest drop of a metric's rate (0–1) that is not a regression.</param>
/// <param name="Matched">Examples present in both, matched by id.</param>
/// <param name="OnlyInBaseline">Examples of the baseline that the current run lacks.</param>
/// <param name="OnlyInCurrent">Examples of the current run that the baseline lacks.</param>
/// <param name="Metrics">Each metric's rate over the matched examples, before and now.</param>
/// <param name="Regressions">Metrics an example passed in the baseline and fails now.</param>
/// <param name="Improvements">Metrics an example failed in the baseline and passes now.</param>
public sealed record BaselineComparison(
    double Tolerance,
    int Matched,
    int OnlyInBaseline,
    int OnlyInCurrent,
    IReadOnlyList<MetricChange> Metrics,
    IReadOnlyList<ExampleChange> Regressions,
    IReadOnlyList<ExampleChange> Improvements)
{
    /// <summary>True when some gating metric's rate (every metric but <c>exact</c>) dropped by more than the tolerance: the gate fails.</summary>
    public bool HasRegression => Metrics.Any(m => m.Regressed);

    /// <summary>Compares the examples both scorecards hold, metric by metric.</summary>
    public static BaselineComparison Compare(Scorecard baseline, Scorecard current, double tolerance)
    {
        var before = baseline.Examples.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var pairs = current.Examples.Where(e => before.ContainsKey(e.Id)).Select(e => (Before: before[e.Id], Now: e)).ToList();
        var (regressions, improvements, metrics) = (new List<ExampleChange>(), new List<ExampleChange>(), new List<MetricChange>());
        foreach (var metric in current.Metrics)
        {
            var (judged, passedBefore, passedNow) = (0, 0, 0);
            foreach (var (old, now) in pairs)
            {
                if (!old.Metrics.TryGetValue(metric, out var was) || !now.Metrics.TryGetValue(metric, out var @is))
                    continue;
                (judged, passedBefore, passedNow) = (judged + 1, passedBefore + (was ? 1 : 0), passedNow + (@is ? 1 : 0));
                if (was && !@is)
                    regressions.Add(new ExampleChange(now.Id, metric, now.Details.FirstOrDefault(d => d.StartsWith(metric + ":", StringComparison.Ordinal))));
                else if (!was && @is)
                    improvements.Add(new ExampleChange(now.Id, metric, null));
            }
            if (judged == 0)
                continue;
            var (rateBefore, rateNow) = ((double)passedBefore / judged, (double)passedNow / judged);
            // A hair of slack so that a drop of exactly the tolerance is not a regression by rounding.
            // Exact match is reported but never gates: a different mutant can be just as right.
            metrics.Add(new MetricChange(metric, judged, rateBefore, rateNow, MetricNames.Gates(metric) && rateBefore - rateNow > tolerance + 1e-9));
        }
        var currentIds = current.Examples.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return new BaselineComparison(tolerance, pairs.Count, before.Keys.Count(id => !currentIds.Contains(id)),
            current.Examples.Count(e => !before.ContainsKey(e.Id)), metrics, regressions, improvements);
    }

    /// <summary>The comparison as text for a terminal.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine($"baseline: {Matched} examples matched ({OnlyInBaseline} only in the baseline, {OnlyInCurrent} new); tolerance {Percent(Tolerance)}");
        foreach (var metric in Metrics)
            text.AppendLine($"  {metric.Metric,-20} {Percent(metric.BaselineRate),7} -> {Percent(metric.CurrentRate),7}{(metric.Regressed ? "  REGRESSED" : "")}");
        foreach (var change in Regressions.Take(50))
            text.AppendLine($"  regressed: {change.Id} {change.Metric}{(change.Detail is null ? "" : " — " + change.Detail)}");
        if (Regressions.Count > 50)
            text.AppendLine($"  … and {Regressions.Count - 50} more regressions");
        text.AppendLine($"{Regressions.Count} regressions and {Improvements.Count} improvements, example by example; " +
            (HasRegression ? "the gate FAILS" : "the gate passes"));
        return text.ToString();
    }

    /// <summary>The comparison as a Markdown section.</summary>
    public string Markdown()
    {
        var text = new StringBuilder("### Against the baseline\n\n| metric | baseline | now | |\n|---|---:|---:|---|\n");
        foreach (var metric in Metrics)
            text.AppendLine($"| {metric.Metric} | {Percent(metric.BaselineRate)} | {Percent(metric.CurrentRate)} | {(metric.Regressed ? "**regressed**" : "")} |");
        text.AppendLine().AppendLine($"{Regressions.Count} regressions and {Improvements.Count} improvements over {Matched} matched examples (tolerance {Percent(Tolerance)}).");
        foreach (var change in Regressions.Take(50))
            text.AppendLine($"- regressed: `{change.Id}` {change.Metric}");
        return text.ToString();
    }

    private static string Percent(double rate) => rate.ToString("P1", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
}

/// <summary>A metric's rate over the matched examples, in the baseline and now.</summary>
public sealed record MetricChange(string Metric, int Examples, double BaselineRate, double CurrentRate, bool Regressed);

/// <summary>One example whose grade on one metric changed.</summary>
public sealed record ExampleChange(string Id, string Metric, string? Detail);
