using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification.Reports;

/// <summary>Verdicts per strategy × target, and the pairs whose verdicts differ from target to target, gathered while
/// the reports stream by (several targets in one run).</summary>
public sealed class DifferentialSummary
{
    /// <summary>How many differing pairs are kept by name; the rest are only counted.</summary>
    public const int KeptDiffering = 500;

    private readonly List<string> _targets = [];
    private readonly SortedDictionary<string, Dictionary<string, int[]>> _cells = new(StringComparer.Ordinal);
    private readonly List<DifferingPair> _differing = [];
    private readonly List<DifferingPair> _candidates = [];

    /// <summary>The targets, in the order the run named them.</summary>
    public IReadOnlyList<string> Targets => _targets;

    /// <summary>The strategies seen, in name order.</summary>
    public IEnumerable<string> Strategies => _cells.Keys;

    /// <summary>Pairs whose verdicts differ across targets (the first <see cref="KeptDiffering"/>).</summary>
    public IReadOnlyList<DifferingPair> Differing => _differing;

    /// <summary>How many pairs' verdicts differ across targets, kept or not.</summary>
    public int DifferingCount { get; private set; }

    /// <summary>Pairs whose relation broke on some target: the logic-bug candidates (the first <see cref="KeptDiffering"/>).</summary>
    public IReadOnlyList<DifferingPair> Candidates => _candidates;

    /// <summary>How many pairs are logic-bug candidates on some target, kept or not.</summary>
    public int CandidateCount { get; private set; }

    /// <summary>Counts one report.</summary>
    public void Add(PairReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var strategy = report.Strategy ?? "(none)";
        if (!_cells.TryGetValue(strategy, out var row))
            _cells[strategy] = row = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var target in report.Targets)
        {
            if (!_targets.Contains(target.Target))
                _targets.Add(target.Target);
            if (!row.TryGetValue(target.Target, out var counts))
                row[target.Target] = counts = new int[Verdicts.All.Count];
            counts[(int)target.Verdict]++;
        }
        var pair = new DifferingPair(report.Id, report.Strategy, report.Targets.Select(t => (t.Target, t.Verdict)).ToList(), report.Affected(), report.Unaffected());
        if (report.VerdictsDiffer() && DifferingCount++ < KeptDiffering)
            _differing.Add(pair);
        if (pair.Affected.Count > 0 && CandidateCount++ < KeptDiffering)
            _candidates.Add(pair);
    }

    /// <summary>How many pairs of a strategy got a verdict on a target.</summary>
    public int Count(string strategy, string target, Verdict verdict) =>
        _cells.TryGetValue(strategy, out var row) && row.TryGetValue(target, out var counts) ? counts[(int)verdict] : 0;

    /// <summary>A matrix cell, compact: <c>verified/violated</c>, and <c>/other</c> when some pairs got another verdict.</summary>
    public string Cell(string strategy, string target)
    {
        var verified = Count(strategy, target, Verdict.Verified);
        var violated = Count(strategy, target, Verdict.RelationViolated);
        var other = Total(strategy, target) - verified - violated;
        return Total(strategy, target) == 0 ? "–" : other > 0 ? $"{verified}/{violated}/{other}" : $"{verified}/{violated}";
    }

    /// <summary>What a cell's numbers are.</summary>
    public const string CellLegend = "cells: verified/relation-violated[/other verdicts] per strategy on each target";

    /// <summary>A pair's verdict on one target, short: <c>holds</c>, <c>VIOLATED</c>, or the verdict's name; empty when it did not run there.</summary>
    public static string Short(DifferingPair pair, string target)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var found = pair.Verdicts.FirstOrDefault(v => v.Target == target);
        return found.Target is null ? "" : found.Verdict switch
        {
            Verdict.Verified => "holds",
            Verdict.RelationViolated => "VIOLATED",
            var other => other.Name(),
        };
    }

    /// <summary>How many pairs of a strategy ran on a target at all.</summary>
    public int Total(string strategy, string target) =>
        _cells.TryGetValue(strategy, out var row) && row.TryGetValue(target, out var counts) ? counts.Sum() : 0;
}

/// <summary>One pair's verdict on each target, with the targets its relation breaks on and holds on.</summary>
public sealed record DifferingPair(string Id, string? Strategy, IReadOnlyList<(string Target, Verdict Verdict)> Verdicts,
    IReadOnlyList<string> Affected, IReadOnlyList<string> Unaffected);
