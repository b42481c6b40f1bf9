using MutationHarness.Sql;

namespace MutationHarness.Verification.Generation;

/// <summary>The endless, reproducible stream of candidates for one strategy: steered seeds (every third one with the
/// site under a negation, depths mixed), each giving up to <see cref="GenerationOptions.PairsPerSeed"/> mutants at
/// different sites, preferring the asked polarity. Depends only on the run's seed and the strategy, never on timing.</summary>
internal sealed class CandidateSource
{
    // Most seeds shallow or medium, some deep: lengths from about a hundred characters to about a thousand.
    private static readonly int[] Depths = [0, 0, 0, 1, 1, 1, 2, 3];
    private const int BarrenSeedsBeforeGivingUp = 500;

    private readonly string _strategy;
    private readonly string _idPrefix;
    private readonly int _pairsPerSeed;
    private readonly SeedRegistry _seen;
    private readonly Random _random;
    private readonly Queue<Candidate> _pending = new();
    private int _seeds;

    public CandidateSource(string strategy, int runSeed, int pairsPerSeed, SeedRegistry seen)
    {
        _strategy = strategy;
        _idPrefix = $"g{runSeed}-{strategy}";
        _pairsPerSeed = pairsPerSeed;
        _seen = seen;
        _random = new Random(StableSeed(runSeed, strategy));
    }

    /// <summary>Set when the strategy's seeds stopped giving mutants (a strategy the generator cannot steer to).</summary>
    public string? Exhausted { get; private set; }

    /// <summary>The next candidate without taking it, or null once the source is exhausted.</summary>
    public Candidate? Peek() => Fill() ? _pending.Peek() : null;

    /// <summary>The next candidate, or null once the source is exhausted.</summary>
    public Candidate? Next() => Fill() ? _pending.Dequeue() : null;

    private bool Fill()
    {
        var barren = 0;
        while (_pending.Count == 0)
        {
            if (Exhausted is not null)
                return false;
            if (!MakeSeed() && ++barren == BarrenSeedsBeforeGivingUp)
                Exhausted = $"{BarrenSeedsBeforeGivingUp} generated seeds in a row held no site of {_strategy}";
        }

        return true;
    }

    private bool MakeSeed()
    {
        var index = _seeds++;
        var flipped = index % 3 == 2;
        var seed = TrainingSeeds.Make(_strategy, flipped, Depths[_random.Next(Depths.Length)], _random);
        var mutantSeed = _random.Next();
        IReadOnlyList<Mutant> mutants;
        try
        {
            // Two texts that differ only in case, spaces or redundant parentheses are one seed to clean's split.
            if (!_seen.Add(SqlText.Normalize(seed)))
                return false;
            mutants = Mutants.Enumerate(seed, _strategy, mutantSeed);
        }
        catch (SqlSyntaxError)
        {
            return false;
        }

        // One mutant per site, the asked polarity's sites first, each group in random order.
        var wantUpper = StrategyNames.IsUpper(_strategy) != flipped;
        var bySite = mutants.GroupBy(m => m.Site, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var chosen = bySite.Select(m => (Mutant: m, Key: (m.IsUpper == wantUpper ? 0 : 1, _random.Next())))
            .OrderBy(m => m.Key).Take(_pairsPerSeed).Select(m => m.Mutant).ToList();
        var seedId = $"{_idPrefix}-s{index:D5}";
        foreach (var mutant in chosen)
            _pending.Enqueue(new Candidate(_strategy, seedId, seed, mutant.Sql, bySite.Count));
        return chosen.Count > 0;
    }

    /// <summary>A seed from the run's seed and the strategy's name that is the same on every run and machine.</summary>
    private static int StableSeed(int runSeed, string strategy)
    {
        var hash = 2166136261u ^ (uint)runSeed;
        foreach (var c in strategy)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash & 0x7FFFFFFF);
    }
}
