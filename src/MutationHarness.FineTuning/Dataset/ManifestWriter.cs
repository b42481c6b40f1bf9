namespace MutationHarness.FineTuning;

/// <summary>Assembles the manifest from a plan: counts per strategy × dbms × split, drops by reason, settings and provenance.</summary>
internal static class ManifestWriter
{
    private const string DedupKey = "strategy, dbms, normalised original, normalised mutated";

    public static DatasetManifest Create(
        DatasetPlan plan, DatasetOptions options, TrainingStatistics train, ValidationStatistics validation,
        string model, string pricesAsOf, string harnessVersion)
    {
        var cells = plan.Train.Select(e => (e.Candidate, Split: 0))
            .Concat(plan.Validation.Select(e => (e.Candidate, Split: 1)))
            .Concat(plan.Rejected.Select(r => (r.Candidate, Split: 2)))
            .GroupBy(x => (x.Candidate.Strategy, x.Candidate.Dbms, VerifiedOn: VerifiedOn(x.Candidate)))
            .OrderBy(g => g.Key.Strategy, StringComparer.Ordinal).ThenBy(g => g.Key.Dbms, StringComparer.Ordinal).ThenBy(g => g.Key.VerifiedOn, StringComparer.Ordinal)
            .Select(g => new CellCount(g.Key.Strategy, g.Key.Dbms, g.Key.VerifiedOn, g.Count(x => x.Split == 0), g.Count(x => x.Split == 1), g.Count(x => x.Split == 2)))
            .ToList();
        var dropped = new SortedDictionary<string, int>(
            plan.Rejected.GroupBy(r => r.Reason).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
        var byVerdict = new SortedDictionary<string, int>(
            plan.Rejected.Where(r => r.Reason == RejectionReasons.Policy)
                .GroupBy(r => r.Candidate.Verdict ?? "unknown").ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);
        var settings = new ManifestSettings(
            options.EmitPolicy, options.Verification, options.InstructionStyle.ToString().ToLowerInvariant(), options.NormaliserName, DedupKey,
            options.MaxPerStrategy, options.MaxPerStrategyPerDbms, options.MinPerStrategy, options.MinPerStrategyPerDbms,
            options.BalanceDbms, options.RequireLabelVerified, options.PreferShort,
            options.Seed, options.ValidationFraction, model, pricesAsOf);
        return new DatasetManifest(
            harnessVersion, settings, plan.InputCount, plan.Train.Count, plan.Validation.Count, plan.Rejected.Count,
            cells, dropped, byVerdict, plan.Warnings, train, validation,
            new ManifestLines(Provenance(plan.Train), Provenance(plan.Validation)));
    }

    private static List<LineProvenance> Provenance(IReadOnlyList<PlannedExample> examples) =>
        examples.Select((e, i) => new LineProvenance(i + 1, e.Candidate.Id, e.Candidate.Source, e.Candidate.Strategy, e.Candidate.Dbms,
            e.Candidate.Setup is { Count: > 0 } setup ? setup : null, e.Candidate.VerifiedOn, e.Candidate.LabelVerified)).ToList();

    private static string VerifiedOn(DatasetCandidate candidate) =>
        candidate.VerifiedOn is { Count: > 0 } servers ? string.Join(" + ", servers.Select(s => s.ToString()).Order(StringComparer.Ordinal)) : "-";
}
