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
    int MinPerStrategyPerDbms,
    bool BalanceDbms,
    bool RequireLabelVerified,
    bool PreferShort,
    int Seed,
    double ValidationFraction,
    string Model,
    string PricesAsOf);

/// <summary>How many lines of a strategy, labelled with a dbms, verified on a set of servers, went where.</summary>
/// <param name="VerifiedOn">The servers the lines passed on ("local:mariadb MariaDB 10.11.19-MariaDB", several joined by " + "), or "-" when not known.</param>
internal sealed record CellCount(string Strategy, string Dbms, string VerifiedOn, int Train, int Validation, int Rejected);

/// <summary>Provenance of one emitted line (1-based), kept here so nothing but role and content enters the messages;
/// <c>eval</c> reads it back for the record's id and its own setup statements (absent when it has none).
/// <see cref="Dbms"/> is the line's label; <see cref="VerifiedOn"/> says where it was verified (target, flavour,
/// server version, databases) and <see cref="LabelVerified"/> whether one of those servers is of the label's flavour.</summary>
internal sealed record LineProvenance(int Line, string Id, string Source, string Strategy, string Dbms,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<string>? Setup = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<VerifiedServer>? VerifiedOn = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    bool? LabelVerified = null);

internal sealed record ManifestLines(IReadOnlyList<LineProvenance> Train, IReadOnlyList<LineProvenance> Validation);
