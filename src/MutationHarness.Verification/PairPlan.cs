using MutationHarness.Core.Pairs;
using MutationHarness.Core.Strategies;

namespace MutationHarness.Verification;

/// <summary>A pair that passed the static checks, with everything needed to run and judge it.</summary>
internal sealed record PairPlan(
    MutationPair Pair,
    Strategy Strategy,
    ExpectedDirection Expected,
    ConformanceReport Conformance,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string> Notes)
{
    /// <summary>What can break this pair's relation with no bug in the server (unlike a flag, it leaves the pair's
    /// relation meaningful when it holds): a broken relation is then unstable, not a bug candidate.</summary>
    public IReadOnlyList<string> Caveats { get; init; } = [];
}
