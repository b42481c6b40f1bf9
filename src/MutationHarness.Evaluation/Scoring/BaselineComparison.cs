using System.Globalization;
using System.Text;

namespace MutationHarness.Evaluation;

/// <summary>A scorecard compared with a baseline example by example: what regressed, what improved, and whether the gate fails.</summary>
/// <remarks>Examples are matched by their content key (a hash of the prompt), not by file, line or id: a renamed,
/// copied or reordered test file meets its baseline. Baselines written before content keys existed match by id.</remarks>
/// <param name="Tolerance">The largest drop of a metric's rate (0–1) that is not a regression.</param>
/// <param name="Matched">Examples present in both, with the same reference.</param>
/// <param name="Added">Ids of examples of this run that the baseline lacks.</param>
/// <param name="Removed">Ids of examples of the baseline that this run lacks.</param>
/// <param name="Changed">Ids of examples whose prompt is the baseline's but whose reference was edited.</param>
/// <param name="Metrics">Each metric's rate over the matched examples, before and now.</param>
/// <param name="Regressions">Metrics an example passed in the baseline and fails now.</param>
/// <param name="Improvements">Metrics an example failed in the baseline and passes now.</param>
public sealed record BaselineComparison(
    double Tolerance,
    int Matched,
    IReadOnlyList<string> Added,
    IReadOnlyList<string> Removed,
    IReadOnlyList<string> Changed,
    IReadOnlyList<MetricChange> Metrics,
    IReadOnlyList<ExampleChange> Regressions,
    IReadOnlyList<ExampleChange> Improvements)
{
    /// <summary>True when some gating metric's rate dropped by more than the tolerance: the gate fails.</summary>
    public bool HasRegression => Metrics.Any(m => m.Regressed);

    /// <summary>True when this run did not grade all the baseline's examples as they were (examples removed, or
    /// their reference edited): the comparison no longer covers what the baseline measured, so the gate fails.</summary>
    public bool TestSetChanged => Matched == 0 || Removed.Count > 0 || Changed.Count > 0;

    /// <summary>True when the gate fails: a regression, or a test set that lost or changed examples.</summary>
    public bool GateFails => HasRegression || TestSetChanged;

    /// <summary>Compares the examples both scorecards hold, metric by metric.</summary>
    public static BaselineComparison Compare(Scorecard baseline, Scorecard current, double tolerance)
    {
        // A baseline without content keys predates them: its examples are matched by id and seed, as they were then.
        var byId = baseline.Examples.Any(e => e.Key is null);
        var before = Keyed(baseline.Examples, byId);
        var now = Keyed(current.Examples, byId);
        var shared = now.Where(n => before.ContainsKey(n.Key)).Select(n => (Before: before[n.Key], Now: n.Value)).ToList();
        var changed = shared.Where(p => p.Before.ReferenceKey is not null && p.Now.ReferenceKey is not null
            && p.Before.ReferenceKey != p.Now.ReferenceKey).ToList();
        var pairs = shared.Except(changed).ToList();
        var (regressions, improvements, metrics) = (new List<ExampleChange>(), new List<ExampleChange>(), new List<MetricChange>());
        foreach (var metric in current.Metrics)
        {
            var (judged, passedBefore, passedNow, gates) = (0, 0, 0, false);
            foreach (var (old, @new) in pairs)
            {
                if (!old.Metrics.TryGetValue(metric, out var was) || !@new.Metrics.TryGetValue(metric, out var @is))
                    continue;
                (judged, passedBefore, passedNow) = (judged + 1, passedBefore + (was ? 1 : 0), passedNow + (@is ? 1 : 0));
                gates |= @new.Gates(metric);
                if (was && !@is)
                    regressions.Add(new ExampleChange(@new.Id, metric, @new.Details.FirstOrDefault(d => d.StartsWith(metric + ":", StringComparison.Ordinal))));
                else if (!was && @is)
                    improvements.Add(new ExampleChange(@new.Id, metric, null));
            }
            if (judged == 0)
                continue;
            var (rateBefore, rateNow) = ((double)passedBefore / judged, (double)passedNow / judged);
            // A hair of slack so that a drop of exactly the tolerance is not a regression by rounding.
            // Informational metrics (exact match, and non-trivial unless required) are reported but never gate.
            metrics.Add(new MetricChange(metric, judged, rateBefore, rateNow, gates && rateBefore - rateNow > tolerance + 1e-9));
        }
        return new BaselineComparison(tolerance, pairs.Count,
            now.Where(n => !before.ContainsKey(n.Key)).Select(n => n.Value.Id).ToList(),
            before.Where(b => !now.ContainsKey(b.Key)).Select(b => b.Value.Id).ToList(),
            changed.Select(p => p.Now.Id).ToList(),
            metrics, regressions, improvements);
    }

    // The n-th example with the same content is matched with the n-th one of the other side (duplicates stay apart).
    private static Dictionary<string, ExampleResult> Keyed(IReadOnlyList<ExampleResult> examples, bool byId)
    {
        var keyed = new Dictionary<string, ExampleResult>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var example in examples)
        {
            var key = byId ? $"{example.Id}\n{example.Input}" : example.Key ?? example.Id;
            var occurrence = seen[key] = seen.GetValueOrDefault(key) + 1;
            keyed[$"{key}#{occurrence}"] = example;
        }
        return keyed;
    }

    /// <summary>The comparison as text for a terminal.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine($"baseline: {Matched} examples matched by content ({Added.Count} added, {Removed.Count} removed, {Changed.Count} changed); tolerance {Percent(Tolerance)}");
        foreach (var metric in Metrics)
            text.AppendLine($"  {metric.Metric,-20} {Percent(metric.BaselineRate),7} -> {Percent(metric.CurrentRate),7}{(metric.Regressed ? "  REGRESSED" : "")}");
        foreach (var change in Regressions.Take(50))
            text.AppendLine($"  regressed: {change.Id} {change.Metric}{(change.Detail is null ? "" : " — " + change.Detail)}");
        if (Regressions.Count > 50)
            text.AppendLine($"  … and {Regressions.Count - 50} more regressions");
        foreach (var line in TestSetLines())
            text.AppendLine("  " + line);
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
        foreach (var line in TestSetLines())
            text.AppendLine($"- {line}");
        if (TestSetChanged)
            text.AppendLine().AppendLine($"**The gate fails**: {ChangedTestSet()}").AppendLine();
        text.AppendLine($"{Regressions.Count} regressions and {Improvements.Count} improvements over {Matched} matched examples (tolerance {Percent(Tolerance)}).");
        foreach (var change in Regressions.Take(50))
            text.AppendLine($"- regressed: `{change.Id}` {change.Metric}");
        return text.ToString();
    }

    private IEnumerable<string> TestSetLines()
    {
        foreach (var (what, ids) in new[] { ("added", Added), ("removed", Removed), ("changed (reference edited)", Changed) })
        {
            if (ids.Count > 0)
                yield return $"{what}: {string.Join(", ", ids.Take(20))}{(ids.Count > 20 ? $" … and {ids.Count - 20} more" : "")}";
        }
    }

    private string ChangedTestSet() => Matched == 0
        ? "not one example of the baseline was graded in this run: it is another test set. Start a new baseline from this run with --out."
        : $"this run did not grade the baseline's examples as they were ({Removed.Count} removed, {Changed.Count} with an edited " +
          "reference): compare against the same examples, or start a new baseline from this run with --out.";

    private static string Percent(double rate) => rate.ToString("P1", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal);
}

/// <summary>A metric's rate over the matched examples, in the baseline and now.</summary>
public sealed record MetricChange(string Metric, int Examples, double BaselineRate, double CurrentRate, bool Regressed);

/// <summary>One example whose grade on one metric changed.</summary>
public sealed record ExampleChange(string Id, string Metric, string? Detail);
