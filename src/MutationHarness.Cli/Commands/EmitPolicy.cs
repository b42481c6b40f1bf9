using MutationHarness.Core.Verdicts;

namespace MutationHarness.Cli.Commands;

/// <summary>Which verified pairs <c>clean</c> emits as training examples.</summary>
internal enum EmitPolicy
{
    /// <summary>Conforming, executable, and the relation held on every target.</summary>
    Verified,

    /// <summary>Also conforming pairs whose relation broke reproducibly: correct mutations that found an engine-bug candidate.</summary>
    KeepViolations,
}

internal static class EmitPolicies
{
    public static EmitPolicy Parse(string text) => text switch
    {
        "verified" => EmitPolicy.Verified,
        "keep-violations" => EmitPolicy.KeepViolations,
        _ => throw new UsageException($"unknown --policy '{text}': use verified or keep-violations"),
    };

    public static string Name(this EmitPolicy policy) => policy == EmitPolicy.Verified ? "verified" : "keep-violations";

    /// <summary>Whether a verdict (a pair's, or its verdict on one target) is one the policy emits.</summary>
    public static bool Accepts(this EmitPolicy policy, Verdict verdict) =>
        verdict == Verdict.Verified || (policy == EmitPolicy.KeepViolations && verdict == Verdict.RelationViolated);

    /// <summary>Whether a record with this verdict passes, and if not, why it is dropped.</summary>
    public static (bool Passed, string? Reason) Judge(this EmitPolicy policy, Verdict verdict, string? reason) =>
        policy.Accepts(verdict) ? (true, null) : (false, $"{verdict.Name()}: {reason}");
}
