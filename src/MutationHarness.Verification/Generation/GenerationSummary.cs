using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification.Generation;

/// <summary>What a generation run made: per strategy tallies, and over all written pairs the seeds' lengths, pairs
/// per seed and the strategy's sites per seed.</summary>
public sealed class GenerationSummary(IReadOnlyList<string> strategies, int perStrategy)
{
    private readonly List<int> _seedLengths = [];
    private readonly List<int> _sitesPerSeed = [];

    /// <summary>How long the run took, from its first round to its last pair.</summary>
    public TimeSpan Elapsed { get; internal set; }

    /// <summary>Pairs asked per strategy.</summary>
    public int PerStrategy => perStrategy;

    /// <summary>One tally per strategy, in output order.</summary>
    public IReadOnlyList<StrategyTally> Strategies { get; } = strategies.Select(s => new StrategyTally(s)).ToList();

    /// <summary>Pairs written over all strategies.</summary>
    public int Written => Strategies.Sum(s => s.Written);

    /// <summary>Candidates verified over all strategies.</summary>
    public int Tried => Strategies.Sum(s => s.Tried);

    /// <summary>Candidates not written with a verdict, over all strategies.</summary>
    public int NotWritten(Verdict verdict) => Strategies.Sum(s => s.NotWritten(verdict));

    /// <summary>Lengths (characters) of the distinct seed queries written.</summary>
    public IReadOnlyList<int> SeedLengths => _seedLengths;

    /// <summary>How many sites of its strategy each written seed holds.</summary>
    public IReadOnlyList<int> SitesPerSeed => _sitesPerSeed;

    /// <summary>How many seeds gave 1, 2, … written pairs.</summary>
    public IReadOnlyDictionary<int, int> PairsPerSeed => Strategies.SelectMany(s => s.PairsPerSeed)
        .GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));

    /// <summary>Distinct seed queries written, over all strategies (a seed serves one strategy).</summary>
    public int Seeds => Strategies.Sum(s => s.Seeds);

    /// <summary>True when every strategy got the pairs asked.</summary>
    public bool Complete => Strategies.All(s => s.Written == perStrategy);

    /// <summary>The strategies that stopped short, each with why.</summary>
    public IEnumerable<string> Warnings => Strategies.Where(s => s.Written < perStrategy).Select(s =>
        $"{s.Strategy}: {s.Written} of {perStrategy} pairs: {s.ShortBecause ?? "stopped"}" + NotWrittenText(s));

    internal StrategyTally For(string strategy) => Strategies.First(s => s.Strategy == strategy);

    internal void Wrote(GeneratedPair pair, Candidate candidate)
    {
        if (!For(pair.Strategy).Wrote(pair))
            return;
        _seedLengths.Add(candidate.Seed.Length);
        _sitesPerSeed.Add(candidate.SitesInSeed);
    }

    private static string NotWrittenText(StrategyTally tally)
    {
        var parts = Verdicts.All.Where(v => tally.NotWritten(v) > 0)
            .Select(v => $"{tally.NotWritten(v)} {v.Name()} (e.g. {tally.FirstReason(v)})").ToList();
        return parts.Count == 0 ? string.Empty : $"; of {tally.Tried} candidates, not written: {string.Join("; ", parts)}";
    }
}
