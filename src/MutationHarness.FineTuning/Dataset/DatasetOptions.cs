using MutationHarness.Core.Strategies;

namespace MutationHarness.FineTuning;

/// <summary>The settings of a dataset build: wording, deduplication, balance caps, split and model.</summary>
public sealed record DatasetOptions
{
    /// <summary>Which wording of the strategy instruction goes into the system message.</summary>
    public InstructionStyle InstructionStyle { get; init; } = InstructionStyle.Mutate;

    /// <summary>The SQL normaliser used for deduplication and for keeping a seed query on one side of the split.</summary>
    public Func<string, string> Normalise { get; init; } = SqlNormaliser.Normalise;

    /// <summary>A name for <see cref="Normalise"/> recorded in the manifest.</summary>
    public string NormaliserName { get; init; } = SqlNormaliser.Name;

    /// <summary>At most this many examples per strategy (all dbms together, taken round-robin across dbms); null for no cap.</summary>
    public int? MaxPerStrategy { get; init; }

    /// <summary>At most this many examples per strategy on each dbms; null for no cap.</summary>
    public int? MaxPerStrategyPerDbms { get; init; }

    /// <summary>Warn when a strategy ends with fewer examples than this.</summary>
    public int MinPerStrategy { get; init; }

    /// <summary>Warn when a strategy × dbms cell the input holds ends with fewer examples than this.</summary>
    public int MinPerStrategyPerDbms { get; init; }

    /// <summary>Cap every dbms of a strategy at the size of its smallest, so no dbms dominates a strategy.</summary>
    public bool BalanceDbms { get; init; }

    /// <summary>Keep only pairs verified on a server of their label's flavour (MariaDB for mariadb, MySQL for mysql, …).</summary>
    public bool RequireLabelVerified { get; init; }

    /// <summary>When a cap drops pairs, keep the shortest ones (the user prefers short, simple samples).</summary>
    public bool PreferShort { get; init; }

    /// <summary>The seed of every random choice (order, caps, split); the same seed gives the same files.</summary>
    public int Seed { get; init; }

    /// <summary>The share of examples held out for validation, per strategy × dbms.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>The emit policy that decided <see cref="DatasetCandidate.Passed"/>, recorded in the manifest.</summary>
    public string EmitPolicy { get; init; } = "verified";

    /// <summary>How the candidates were verified (targets, servers, deadlines, re-runs), recorded in the manifest.</summary>
    public IReadOnlyDictionary<string, string> Verification { get; init; } = new Dictionary<string, string>();

    /// <summary>The model whose encoding, limit and price the manifest's estimate uses.</summary>
    public string Model { get; init; } = ModelCatalog.DefaultModel;

    internal void Validate()
    {
        if (ValidationFraction is < 0 or >= 1 || double.IsNaN(ValidationFraction))
            throw new ArgumentException($"The validation fraction must be in [0, 1), not {ValidationFraction}.");
        if (MaxPerStrategy is <= 0 || MaxPerStrategyPerDbms is <= 0)
            throw new ArgumentException("Caps must be positive when set.");
        if (MinPerStrategy < 0 || MinPerStrategyPerDbms < 0)
            throw new ArgumentException("The floors cannot be negative.");
    }
}
