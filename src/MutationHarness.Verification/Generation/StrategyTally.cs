using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification.Generation;

/// <summary>How one strategy's generation went: pairs written and their directions, candidates tried, why the others
/// were not written, and why the strategy stopped short (when it did).</summary>
public sealed class StrategyTally(string strategy)
{
    private readonly int[] _notWritten = new int[Verdicts.All.Count];
    private readonly Dictionary<Verdict, string> _firstReason = [];
    private readonly Dictionary<int, int> _pairsPerSeed = [];
    private string? _lastSeedId;
    private int _pairsOfLastSeed;

    /// <summary>The strategy's name.</summary>
    public string Strategy => strategy;

    /// <summary>Pairs written.</summary>
    public int Written { get; private set; }

    /// <summary>Pairs written whose mutant must return a superset (isUpper = true).</summary>
    public int Upper { get; private set; }

    /// <summary>Pairs written whose mutant must return a subset.</summary>
    public int Lower => Written - Upper;

    /// <summary>Candidates verified (written or not).</summary>
    public int Tried { get; private set; }

    /// <summary>Distinct seed queries among the written pairs.</summary>
    public int Seeds { get; private set; }

    /// <summary>How many of the strategy's seeds gave 1, 2, … written pairs.</summary>
    public IReadOnlyDictionary<int, int> PairsPerSeed
    {
        get
        {
            var counts = new Dictionary<int, int>(_pairsPerSeed);
            if (_lastSeedId is not null)
                counts[_pairsOfLastSeed] = counts.GetValueOrDefault(_pairsOfLastSeed) + 1;
            return counts;
        }
    }

    /// <summary>Why the strategy has fewer pairs than asked, or null.</summary>
    public string? ShortBecause { get; internal set; }

    /// <summary>Candidates not written, by verdict (verified ones that were flagged count under their flag's verdict).</summary>
    public int NotWritten(Verdict verdict) => _notWritten[(int)verdict];

    /// <summary>The first reason seen for a verdict among the candidates not written, or null.</summary>
    public string? FirstReason(Verdict verdict) => _firstReason.GetValueOrDefault(verdict);

    /// <summary>Counts a written pair; true when it is the first of its seed. A strategy's candidates come in order
    /// and a seed's are consecutive, so runs of one seed id count its pairs exactly.</summary>
    internal bool Wrote(GeneratedPair pair)
    {
        Tried++;
        Written++;
        Upper += pair.IsUpper ? 1 : 0;
        if (pair.SeedId == _lastSeedId)
        {
            _pairsOfLastSeed++;
            return false;
        }

        if (_lastSeedId is not null)
            _pairsPerSeed[_pairsOfLastSeed] = _pairsPerSeed.GetValueOrDefault(_pairsOfLastSeed) + 1;
        _lastSeedId = pair.SeedId;
        _pairsOfLastSeed = 1;
        Seeds++;
        return true;
    }

    internal void Dropped(Verdict verdict, string? reason)
    {
        Tried++;
        _notWritten[(int)verdict]++;
        _firstReason.TryAdd(verdict, reason ?? verdict.Name());
    }

    internal void Surplus() => Tried++;
}
