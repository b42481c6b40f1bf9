namespace MutationHarness.FineTuning;

/// <summary>The manifest written beside the dataset: what went where, what was dropped and why, and how it was built.</summary>
internal sealed record DatasetManifest(
    string HarnessVersion,
    ManifestSettings Settings,
    int Inputs,
    int Train,
    int Validation,
    int Rejected,
    IReadOnlyList<CellCount> Counts,
    IReadOnlyDictionary<string, int> Dropped,
    IReadOnlyDictionary<string, int> DroppedByPolicyPerVerdict,
    IReadOnlyList<string> Warnings,
    TrainingStatistics TrainStatistics,
    ValidationStatistics ValidationStatistics,
    ManifestLines Lines);

internal sealed record ManifestSettings(
    string EmitPolicy,
    IReadOnlyDictionary<string, string> Verification,
    string InstructionStyle,
    string Normaliser,
    string DedupKey,
    int? MaxPerStrategy,
    int? MaxPerStrategyPerDbms,
    int MinPerStrategy,
    bool PreferShort,
    int Seed,
    double ValidationFraction,
    string Model,
    string PricesAsOf);

internal sealed record CellCount(string Strategy, string Dbms, int Train, int Validation, int Rejected);

/// <summary>Provenance of one emitted line (1-based), kept here so nothing but role and content enters the messages;
/// <c>eval</c> reads it back for the record's id and its own setup statements (absent when it has none).</summary>
internal sealed record LineProvenance(int Line, string Id, string Source, string Strategy, string Dbms,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<string>? Setup = null);

internal sealed record ManifestLines(IReadOnlyList<LineProvenance> Train, IReadOnlyList<LineProvenance> Validation);
