using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification.Reports;

/// <summary>Which targets a pair's relation breaks on and which it holds on: the differential answer to "which versions are affected".</summary>
public static class TargetSplit
{
    /// <summary>The targets on which the relation broke on every run: where the pair is a logic-bug candidate.</summary>
    public static IReadOnlyList<string> Affected(this PairReport report) => Where(report, Verdict.RelationViolated);

    /// <summary>The targets on which both sides ran and the relation held.</summary>
    public static IReadOnlyList<string> Unaffected(this PairReport report) => Where(report, Verdict.Verified);

    /// <summary>True when the pair got different verdicts on different targets.</summary>
    public static bool VerdictsDiffer(this PairReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Targets.Select(t => t.Verdict).Distinct().Count() > 1;
    }

    private static List<string> Where(PairReport report, Verdict verdict)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Targets.Where(t => t.Verdict == verdict).Select(t => t.Target).ToList();
    }
}
