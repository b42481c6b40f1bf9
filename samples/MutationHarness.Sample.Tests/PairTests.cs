using MutationHarness.Xunit;
using Xunit;

namespace MutationHarness.Sample.Tests;

/// <summary>Each pair of pairs.jsonl is a test case of its own, run on the embedded MariaDB (or MUTATIONHARNESS_TARGET).</summary>
public sealed class PairTests
{
    [Theory, PairData("pairs.jsonl")]
    public async Task EveryPairVerifies(PairCase pair) =>
        await Harness.AssertVerifiedAsync(pair, TestContext.Current.CancellationToken);
}
