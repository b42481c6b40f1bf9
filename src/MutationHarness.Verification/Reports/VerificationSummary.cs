using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification.Reports;

/// <summary>Counts of verdicts per strategy, gathered while the reports stream by.</summary>
public sealed class VerificationSummary
{
    private readonly SortedDictionary<string, int[]> _byStrategy = new(StringComparer.Ordinal);

    // The progress line reads the counts on a timer thread while the run adds to them.
    private readonly Lock _gate = new();

    /// <summary>How many records were counted.</summary>
    public int Total { get; private set; }

    /// <summary>The strategies seen, each with its count per verdict (indexed by <see cref="Verdict"/>).</summary>
    public IReadOnlyDictionary<string, int[]> ByStrategy => _byStrategy;

    /// <summary>Counts one report.</summary>
    public void Add(PairReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Add(report.Strategy, report.Verdict);
    }

    /// <summary>Counts one record's verdict (a line of an earlier report, read back).</summary>
    public void Add(string? strategy, Verdict verdict)
    {
        var key = strategy ?? "(none)";
        lock (_gate)
        {
            if (!_byStrategy.TryGetValue(key, out var counts))
                _byStrategy[key] = counts = new int[Verdicts.All.Count];
            counts[(int)verdict]++;
            Total++;
        }
    }

    /// <summary>How many records got a verdict, over all strategies.</summary>
    public int Count(Verdict verdict)
    {
        lock (_gate)
            return _byStrategy.Values.Sum(c => c[(int)verdict]);
    }

    /// <summary>True when every record verified (and there was at least one).</summary>
    public bool AllVerified => Total > 0 && Count(Verdict.Verified) == Total;
}
