namespace MutationHarness.Verification.Generation;

/// <summary>What <c>generate</c> makes: how many verified pairs of which strategies, from which random seed, under
/// which dbms label.</summary>
public sealed record GenerationOptions
{
    /// <summary>Verified pairs wanted per strategy.</summary>
    public required int PerStrategy { get; init; }

    /// <summary>The strategies, in output order (default: all 18, in catalog order).</summary>
    public required IReadOnlyList<string> Strategies { get; init; }

    /// <summary>The seed of every random choice: the same seed and inputs give the same pairs, byte for byte.</summary>
    public int Seed { get; init; }

    /// <summary>The dbms every pair is labelled with; one of the targets' flavours (see <see cref="DbmsLabels"/>).</summary>
    public required string Dbms { get; init; }

    /// <summary>At most this many pairs per seed query, each at another site.</summary>
    public int PairsPerSeed { get; init; } = 2;

    /// <summary>A strategy gives up after this many candidates per wanted pair (with a warning saying why).</summary>
    public int CandidatesPerPair { get; init; } = 10;
}
