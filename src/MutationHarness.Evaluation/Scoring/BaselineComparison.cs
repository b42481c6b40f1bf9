using System.Globalization;
using System.Text;

namespace MutationHarness.Evaluation;

/// <summary>A scorecard compared with a baseline example by example: what regressed, what improved, and whether the gate fails.</summary>
/// <param name="Tolerance">The largest drop of a metric's rate (0–1) that is not a regression.</param>
/// <param name="Matched">Examples present in both, matched by id.</param>
/// <param name="OnlyInBaseline">Examples of the baseline that the current run lacks.</param>
/// <param name="OnlyInCurrent">Examples of the current run that the baseline lacks.</param>
/// <param name="Replaced">Ids present in both that name a different example now (another seed or question).</param>
/// <param name="Metrics">Each metric's rate over the matched examples, before and now.</param>
/// <param name="Regressions">Metrics an example passed in the baseline and fails now.</param>
/// <param name="Improvements">Metrics an example failed in the baseline and passes now.</param>
public sealed record BaselineComparison(
    double Tolerance,
    int Matched,
    int OnlyInBaseline,
    int OnlyInCurrent,
    int Replaced,
    IReadOnlyList<MetricChange> Metrics,
    IReadOnlyList<ExampleChange> Regressions,
    IReadOnlyList<ExampleChange> Improvements)
{
    /// <summary>True when some gating metric's rate (every metric but <c>exact</c>) dropped by more than the tolerance: the gate fails.</summary>
    public bool HasRegression => Metrics.Any(m => m.Regressed);

    /// <summary>True when the run did not grade the examples the baseline graded: ids missing, or naming other
    /// examples (a renamed, re-split or edited test file). Such a comparison proves nothing, so the gate fails.</summary>
    public bool TestSetChanged => Matched == 0 || OnlyInBaseline > 0 || Replaced > 0;

    /// <summary>True when the gate fails: a regression, or a test set other than the baseline's.</summary>
    public bool GateFails => HasRegression || TestSetChanged;

    /// <summary>Compares the examples both scorecards hold, metric by metric.</summary>
    public static BaselineComparison Compare(Scorecard baseline, Scorecard current, double tolerance)
    {
        var before = baseline.Examples.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var sameId = current.Examples.Where(e => before.ContainsKey(e.Id)).Select(e => (Before: before[e.Id], Now: e)).ToList();
        // A baseline written before inputs were recorded has none: its ids are trusted.
        var pairs = sameId.Where(p => p.Before.Input is null || p.Before.Input == p.Now.Input).ToList();
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
            current.Examples.Count(e => !before.ContainsKey(e.Id)), sameId.Count - pairs.Count, metrics, regressions, improvements);
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
        if (TestSetChanged)
            text.AppendLine(ChangedTestSet());
        text.AppendLine($"{Regressions.Count} regressions and {Improvements.Count} improvements, example by example; " +
            (GateFails ? "the gate FAILS" : "the gate passes"));
        return text.ToString();
    }

    /// <summary>The comparison as a Markdown section.</summary>
    public string Markdown()
    {
        var text = new StringBuilder("### Against the baseline\n\n| metric | baseline | now | |\n|---|---:|---:|---|\n");
        foreach (var metric in Metrics)
            text.AppendLine($"| {metric.Metric} | {Percent(metric.BaselineRate)} | {Percent(metric.CurrentRate)} | {(metric.Regressed ? "**regressed**" : "")} |");
        text.AppendLine();
        if (TestSetChanged)
            text.AppendLine($"**The gate fails**: {ChangedTestSet()}").AppendLine();
        text.AppendLine($"{Regressions.Count} regressions and {Improvements.Count} improvements over {Matched} matched examples (tolerance {Percent(Tolerance)}).");
        foreach (var change in Regressions.Take(50))
            text.AppendLine($"- regressed: `{change.Id}` {change.Metric}");
        return text.ToString();
    }

    private string ChangedTestSet() =>
        $"this run did not grade the baseline's examples ({OnlyInBaseline} of the baseline's ids are missing, {Replaced} ids now name " +
        "another seed or question): the test file was renamed, re-split or edited. Grade the same test file, " +
        "or start a new baseline from this run with --out.";

    private static string Percent(double rate) => rate.ToString("P1", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
}

/// <summary>A metric's rate over the matched examples, in the baseline and now.</summary>
public sealed record MetricChange(string Metric, int Examples, double BaselineRate, double CurrentRate, bool Regressed);

/// <summary>One example whose grade on one metric changed.</summary>
public sealed record ExampleChange(string Id, string Metric, string? Detail);
