using MutationHarness.Core.Pairs;
using MutationHarness.Core.Verdicts;
using MutationHarness.Sql.Shrinking;

namespace MutationHarness.Verification.Minimising;

/// <summary>One accepted cut: what was cut and the pair after it.</summary>
public sealed record MinimiseStep(string Description, MutationPair Pair);

/// <summary>What minimising found: the pair it started from, the smallest pair that still violates, the cuts that led there,
/// and the report of that pair on every target of the verifier.</summary>
public sealed record MinimiseResult(MutationPair Start, MutationPair Final, IReadOnlyList<MinimiseStep> Steps, int Tried, PairReport FinalReport)
{
    /// <summary>False when the starting pair did not violate on the target, so nothing was tried.</summary>
    public bool Reproduced => FinalReport.Targets.Any(t => t.Verdict == Verdict.RelationViolated);
}

/// <summary>Shrinks a pair that violates its relation on one target: leaves out setup statements and rows, derived-table
/// layers, joins, WHERE/HAVING clauses, conjuncts and select-list items, one cut at a time, keeping a cut only when the
/// smaller pair still conforms and still violates on that target on every re-run; until no cut is kept.</summary>
public static class Minimiser
{
    /// <summary>At most this many smaller pairs are tried, so a large pair cannot run for ever.</summary>
    public const int MaxTries = 400;

    /// <summary>Minimises the pair on <paramref name="target"/>, one of the verifier's targets.</summary>
    public static async Task<MinimiseResult> MinimiseAsync(Verifier verifier, string target, MutationPair pair, Action<MinimiseStep>? onStep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        ArgumentNullException.ThrowIfNull(pair);
        var report = await verifier.VerifyAsync(InputRecord.Read(pair), cancellationToken);
        var steps = new List<MinimiseStep>();
        var tried = 0;
        if (!Violates(report, target))
            return new MinimiseResult(pair, pair, steps, tried, report);

        var current = pair;
        for (var kept = true; kept && tried < MaxTries;)
        {
            kept = false;
            foreach (var (description, candidate) in Candidates(current))
            {
                if (++tried > MaxTries)
                    break;
                var candidateReport = await verifier.VerifyAsync(InputRecord.Read(candidate), cancellationToken);
                if (!Violates(candidateReport, target))
                    continue;
                (current, report, kept) = (candidate, candidateReport, true);
                var step = new MinimiseStep(description, candidate);
                steps.Add(step);
                onStep?.Invoke(step);
                break;
            }
        }
        return new MinimiseResult(pair, current, steps, Math.Min(tried, MaxTries), report);
    }

    private static bool Violates(PairReport report, string target) =>
        report.Targets.Any(t => t.Target == target && t.Verdict == Verdict.RelationViolated);

    // Setups first (each statement run costs as much as a query), then the statements' own cuts, biggest first.
    private static IEnumerable<(string Description, MutationPair Pair)> Candidates(MutationPair pair) =>
        SetupShrinks.Of(pair.Setup).Select(s => (s.Description, pair with { Setup = s.Setup }))
            .Concat(PairShrinks.Of(pair.Original, pair.Mutated).Select(s => (s.Description, pair with { Original = s.Original, Mutated = s.Mutated })));
}
