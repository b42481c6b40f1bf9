using System.IO.Hashing;
using System.Text;

namespace MutationHarness.Verification.Generation;

/// <summary>The seed queries already handed out in this run, by normal form (as 128-bit hashes, so a long run stays
/// small): a seed serves one strategy only, which keeps <c>clean</c>'s split by seed honest.</summary>
internal sealed class SeedRegistry
{
    private readonly HashSet<UInt128> _seen = [];

    /// <summary>True when the seed (its normal form) is new, and now taken.</summary>
    public bool Add(string normalForm) => _seen.Add(XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(normalForm)));
}
