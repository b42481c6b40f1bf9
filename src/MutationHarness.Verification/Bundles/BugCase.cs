using MutationHarness.Core.Pairs;
using MutationHarness.Core.Results;
using MutationHarness.Verification.Minimising;

namespace MutationHarness.Verification.Bundles;

/// <summary>Everything one bundle shows: the pair (minimised when asked), its report on every target, the statements that
/// build its database, and both sides' rows on the first affected target.</summary>
/// <param name="Report">The bundled pair's report on every target.</param>
/// <param name="Pair">The bundled pair.</param>
/// <param name="Setup">The statements that build the database it violated on: its own setup, or the shared fixture's.</param>
/// <param name="Database">Where it ran, for people: its own setup, or the generated database's name.</param>
/// <param name="Original">The seed's rows on the first affected target.</param>
/// <param name="Mutated">The mutant's rows there.</param>
/// <param name="Minimised">How the pair was minimised, when it was.</param>
internal sealed record BugCase(PairReport Report, MutationPair Pair, IReadOnlyList<string> Setup, string Database,
    ResultSet? Original, ResultSet? Mutated, MinimiseResult? Minimised)
{
    /// <summary>The target whose rows the bundle shows: the first one whose relation broke.</summary>
    public TargetReport Affected => Report.Targets.First(t => t.Verdict == Core.Verdicts.Verdict.RelationViolated);
}
