using System.Text.Json;
using MutationHarness.Core.Files;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification.Minimising;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Verification.Bundles;

/// <summary>Writes <c>verify --bundles DIR</c>: one folder per logic-bug candidate, ready to file upstream (<c>repro.sql</c>,
/// <c>README.md</c>, <c>bundle.json</c>). Candidates with the same fingerprint share one folder and a count. Each folder is
/// written when its first pair arrives (and its count updated with each later one), so a stopped run keeps what it found.</summary>
public sealed class BugBundles(string directory, Verifier verifier, VerifyOptions options, bool minimise, Action<string>? log = null)
{
    private const int KeptIds = 50;
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly Dictionary<string, Bundle> _bundles = new(StringComparer.Ordinal);

    /// <summary>How many folders were written.</summary>
    public int Folders => _bundles.Count;

    /// <summary>How many candidates were bundled, duplicates counted.</summary>
    public int Candidates => _bundles.Values.Sum(b => b.Count);

    /// <summary>Bundles the report when it is a logic-bug candidate (its relation broke on some target); ignores it otherwise.</summary>
    public async Task AddAsync(PairReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Pair is null || report.Expected is null || report.Affected().Count == 0)
            return;
        var fingerprint = BugFingerprint.Of(report);
        if (!_bundles.TryGetValue(fingerprint.Hash, out var bundle))
        {
            bundle = new Bundle(fingerprint, await CaseAsync(report, cancellationToken));
            _bundles[fingerprint.Hash] = bundle;
        }
        bundle.Count++;
        if (bundle.Ids.Count < KeptIds)
            bundle.Ids.Add(report.Id);
        await WriteAsync(bundle, cancellationToken);
    }

    private async Task<BugCase> CaseAsync(PairReport report, CancellationToken cancellationToken)
    {
        var first = report.Targets.First(t => t.Verdict == Verdict.RelationViolated);
        MinimiseResult? minimised = null;
        if (minimise)
        {
            log?.Invoke($"minimising {report.Id} on {first.Target} …");
            minimised = await Minimiser.MinimiseAsync(verifier, first.Target, report.Pair!, null, cancellationToken);
            if (minimised.Reproduced)
            {
                report = minimised.FinalReport;
                first = report.Targets.First(t => t.Target == first.Target);
                log?.Invoke($"minimised {report.Id}: {minimised.Steps.Count} cut(s) kept of {minimised.Tried} tried");
            }
            else
                minimised = null;
        }
        var pair = report.Pair!;
        var run = first.Databases.First(d => d.Verdict == Verdict.RelationViolated);
        var open = verifier.OpenTargets.First(t => t.Target.Name == first.Target);
        var (original, mutated) = await PairReplay.RunAsync(open, pair, run.Database, options, cancellationToken);
        var (setup, database) = pair.Setup.Count > 0
            ? (pair.Setup, "with the record's own setup")
            : (SharedFixtures.For(options).First(f => f.Name == run.Database).Statements, $"on the generated database '{run.Database}'");
        return new BugCase(report, pair, setup, database, original, mutated, minimised);
    }

    private async Task WriteAsync(Bundle bundle, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(directory, bundle.Fingerprint.FolderName);
        Directory.CreateDirectory(folder);
        if (bundle.Count == 1)
            await OutputFile.WriteAllTextAsync(Path.Combine(folder, "repro.sql"), ReproScript.Render(bundle.Case), cancellationToken);
        await OutputFile.WriteAllTextAsync(Path.Combine(folder, "README.md"), BugReportText.Render(bundle.Case, bundle.Count, bundle.Ids), cancellationToken);
        var report = bundle.Case.Report;
        var summary = new
        {
            fingerprint = new { bundle.Fingerprint.Strategy, bundle.Fingerprint.AffectedVersions, bundle.Fingerprint.SeedShape, bundle.Fingerprint.Hash },
            count = bundle.Count,
            ids = bundle.Ids,
            pair = new { report.Id, report.Strategy, bundle.Case.Pair.Original, bundle.Case.Pair.Mutated, bundle.Case.Pair.Setup },
            affected = report.Affected(),
            unaffected = report.Unaffected(),
            minimisedSteps = bundle.Case.Minimised?.Steps.Select(s => s.Description),
        };
        await OutputFile.WriteAllTextAsync(Path.Combine(folder, "bundle.json"), JsonSerializer.Serialize(summary, Json), cancellationToken);
    }

    private sealed class Bundle(BugFingerprint fingerprint, BugCase bugCase)
    {
        public BugFingerprint Fingerprint { get; } = fingerprint;

        public BugCase Case { get; } = bugCase;

        public int Count { get; set; }

        public List<string> Ids { get; } = [];
    }
}
