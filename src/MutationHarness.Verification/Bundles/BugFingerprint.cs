using System.Security.Cryptography;
using System.Text;
using MutationHarness.Sql;

using MutationHarness.Verification.Reports;

namespace MutationHarness.Verification.Bundles;

/// <summary>What makes two logic-bug candidates the same bug as far as the harness can tell: the strategy, the server
/// versions whose relation breaks, and the seed's shape (its statement with identifiers and literals blanked out).</summary>
public sealed record BugFingerprint(string Strategy, string AffectedVersions, string SeedShape)
{
    /// <summary>The fingerprint of a report that names affected targets.</summary>
    public static BugFingerprint Of(PairReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var versions = report.Targets.Where(t => t.Verdict == Core.Verdicts.Verdict.RelationViolated)
            .Select(TargetOutcomeText.Server).Distinct().Order(StringComparer.Ordinal);
        return new BugFingerprint(report.Strategy ?? "(none)", string.Join(", ", versions), SqlShape.Of(report.Pair?.Original ?? ""));
    }

    /// <summary>A short stable hash of the three parts.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{Strategy}\n{AffectedVersions}\n{SeedShape}")))[..10];

    /// <summary>The bundle folder's name: <c>FixMDistinctL-3f2a9c01d4</c>.</summary>
    public string FolderName => $"{Strategy}-{Hash}";
}
