using System.Diagnostics;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Cli.Commands;

/// <summary>Prints a progress line to standard error every few seconds while a long run goes on.</summary>
internal sealed class ProgressLine : IDisposable
{
    private readonly VerificationSummary _summary;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Timer _timer;
    private readonly int _before;

    /// <summary>Starts printing; records already in <paramref name="summary"/> (a resumed report's) count as done, not as this run's rate.</summary>
    public ProgressLine(VerificationSummary summary)
    {
        _summary = summary;
        _before = summary.Total;
        _timer = new Timer(_ => Print(), null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));
    }

    private void Print()
    {
        var done = _summary.Total;
        var rate = (done - _before) / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
        Console.Error.WriteLine($"… {done:N0} records in {_clock.Elapsed:mm\\:ss} ({rate:N1}/s): " +
            $"{_summary.Count(Verdict.Verified):N0} verified, {done - _summary.Count(Verdict.Verified):N0} not");
    }

    public void Dispose()
    {
        _timer.Dispose();
        Console.Error.WriteLine($"done: {_summary.Total - _before:N0} records in {_clock.Elapsed.TotalSeconds:N1} s" +
            (_before > 0 ? $" ({_summary.Total:N0} with those resumed)" : ""));
    }
}
