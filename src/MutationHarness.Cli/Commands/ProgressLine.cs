using System.Diagnostics;
using MutationHarness.Core.Records;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;
using MutationHarness.Verification.Reports;
using Spectre.Console;

namespace MutationHarness.Cli.Commands;

/// <summary>Shows a long run's progress on standard error: on a terminal a live bar (done/total, rate, time left, how many
/// did not verify); piped, a plain line every few seconds, so logs stay readable. It keeps counts of its own, told by
/// <see cref="Add"/>: the run's summary is not safe to read while the run adds to it.</summary>
internal sealed class ProgressLine : IDisposable
{
    private readonly long? _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _before;
    private long _done;
    private long _verified;
    private readonly Timer? _timer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task? _live;

    /// <summary>Starts showing progress; <paramref name="total"/> is how many records to expect, when known. Records already
    /// in <paramref name="summary"/> (a resumed report's) count as done, not as this run's rate.</summary>
    public ProgressLine(VerificationSummary summary, long? total = null)
    {
        ArgumentNullException.ThrowIfNull(summary);
        _before = _done = summary.Total;
        _verified = summary.Count(Verdict.Verified);
        _total = total;
        if (Console.IsErrorRedirected || Environment.GetEnvironmentVariable("TERM") == "dumb")
            _timer = new Timer(_ => Print(), null, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3));
        else
            _live = Task.Run(LiveAsync);
    }

    /// <summary>How many records the files hold (one per non-blank line; one per .json document), or null for standard input.</summary>
    public static long? CountRecords(IReadOnlyList<string> files)
    {
        if (files.Contains(InputSources.StandardInput))
            return null;
        return files.Sum(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? 1 : File.ReadLines(f).LongCount(l => !string.IsNullOrWhiteSpace(l)));
    }

    /// <summary>Counts one finished record (called from the run's loop; read by the timer or the bar).</summary>
    public void Add(PairReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Verdict == Verdict.Verified)
            Interlocked.Increment(ref _verified);
        Interlocked.Increment(ref _done);
    }

    private long Done => Interlocked.Read(ref _done);

    private double Rate => (Done - _before) / Math.Max(0.001, _clock.Elapsed.TotalSeconds);

    private long NotVerified => Done - Interlocked.Read(ref _verified);

    private void Print()
    {
        var done = Done;
        Console.Error.WriteLine($"… {done:N0}{(_total is { } total ? $"/{total:N0}" : "")} records in {_clock.Elapsed:mm\\:ss} ({Rate:N1}/s): " +
            $"{done - NotVerified:N0} verified, {NotVerified:N0} not");
    }

    private async Task LiveAsync()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("verifying", maxValue: Math.Max(1, _total ?? 1));
                task.IsIndeterminate = _total is null;
                while (!_stop.IsCancellationRequested)
                {
                    Update(task);
                    try
                    {
                        await Task.Delay(250, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }
                }
                Update(task);
            });
    }

    private void Update(ProgressTask task)
    {
        var done = Done;
        task.Value = Math.Min(done, task.MaxValue);
        var failed = NotVerified > 0 ? $"[red]{NotVerified:N0} not verified[/]" : "0 not verified";
        task.Description = $"{done:N0}{(_total is { } total ? $"/{total:N0}" : "")} records · {Rate:N0}/s · {failed}";
    }

    public void Dispose()
    {
        _timer?.Dispose();
        _stop.Cancel();
        _live?.GetAwaiter().GetResult();
        _stop.Dispose();
        Console.Error.WriteLine($"done: {Done - _before:N0} records in {_clock.Elapsed.TotalSeconds:N1} s ({Rate:N1}/s)" +
            (_before > 0 ? $" ({Done:N0} with those resumed)" : ""));
    }
}
