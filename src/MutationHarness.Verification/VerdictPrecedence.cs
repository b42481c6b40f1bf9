using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification;

/// <summary>Folds several verdicts (databases, targets) into the one that matters most.</summary>
internal static class VerdictPrecedence
{
    // A side that does not run makes the pair bad data whatever else happened; a stable
    // violation outranks a flaky one; verified only when everything verified.
    private static readonly Verdict[] Order =
        [Verdict.Rejected, Verdict.NonConforming, Verdict.NotExecutable, Verdict.Timeout, Verdict.TooLarge, Verdict.RelationViolated, Verdict.Unstable, Verdict.Verified];

    public static Verdict Worst(IEnumerable<Verdict> verdicts)
    {
        var worst = Verdict.Verified;
        foreach (var verdict in verdicts)
        {
            if (Array.IndexOf(Order, verdict) < Array.IndexOf(Order, worst))
                worst = verdict;
        }
        return worst;
    }
}
