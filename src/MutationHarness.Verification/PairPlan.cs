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
    IReadOnlyList<string> Notes);
