using System.Diagnostics;
using System.Globalization;
using MutationHarness.Core.Fixtures;
using MutationHarness.Core.Threading;

namespace MutationHarness.Databases.Execution;

/// <summary>Watches one running setup against its budget: every <see cref="Poll"/> it checks the time spent and
/// measures the setup's database; past the budget it records why and stops the setup's connection.</summary>
internal sealed class SetupWatch : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(2);
    private readonly string _database;
    private readonly SetupBudget _budget;
    private readonly SetupSizeProbe _probe;
    private readonly Func<int, Task<bool>> _kill;
    private readonly int _threadId;
    private readonly CancellationTokenSource _stop;
    private readonly Timer _backstop;
    private readonly CancellationTokenSource _done = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _monitor;
    private volatile string? _reason;

    /// <param name="kill">Stops the setup's connection by its thread id; false when it cannot, and the driver's cancel is used instead.</param>
    public SetupWatch(int threadId, string database, SetupBudget budget, SetupSizeProbe probe, Func<int, Task<bool>> kill, CancellationToken cancellationToken)
    {
        (_threadId, _database, _budget, _probe, _kill) = (threadId, database, budget, probe, kill);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A backstop should the watch itself be held up: the driver cancels the statement a little after the budget.
        // The reason is set before the cancel: the driver's own cancel callback can block on a server that answers
        // nothing (it logs in to send KILL QUERY), and callbacks run one after the other.
        _stop.Token.Register(() => _reason ??= OverTime());
        _backstop = new Timer(static state =>
        {
            var watch = (SetupWatch) state!;
            watch._reason ??= watch.OverTime();
            SafeCancellation.Cancel(watch._stop);
        }, this, budget.Time + Backstop, Timeout.InfiniteTimeSpan);
        _monitor = MonitorAsync();
    }

    /// <summary>Cancelled when the run is, or when the setup went past its budget.</summary>
    public CancellationToken Token => _stop.Token;

    /// <summary>Completes a backstop after the watch's own backstop: by then a statement that has not returned is on a
    /// server that answers nothing, and is given up on the client.</summary>
    public Task GivingUp => Task.Delay(Max(_budget.Time + Backstop + Backstop - _clock.Elapsed, TimeSpan.Zero), CancellationToken.None);

    /// <summary>How long the setup has run.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Why the setup was stopped, once it was.</summary>
    public string? Reason => _reason;

    /// <summary>Measures once more after the last statement (a quick setup can finish between two polls).</summary>
    public async Task<string?> FinalReasonAsync(CancellationToken cancellationToken) =>
        _reason ?? OverTime() ?? OverSize(await _probe.MeasureAsync(_database, cancellationToken));

    public async ValueTask DisposeAsync()
    {
        // Neither the cancel nor the monitor is waited for without bound: on a server that answers nothing the driver's
        // cancel of a measure in flight blocks (it logs in to send KILL QUERY) until the server answers again.
        _ = Task.Run(() => SafeCancellation.Cancel(_done), CancellationToken.None);
        try
        {
            await _monitor.WaitAsync(Backstop + Backstop, CancellationToken.None);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Stopped on purpose, or left to end on its own.
        }
        _backstop.Dispose(); // not DisposeAsync: that waits for a callback held up in the driver's cancel
        if (!_monitor.IsCompleted)
            return; // its sources stay with it until it ends
        _done.Dispose();
        _stop.Dispose();
    }

    private async Task MonitorAsync()
    {
        while (true)
        {
            var left = _budget.Time - _clock.Elapsed;
            if (left > TimeSpan.Zero)
                await Task.Delay(left < Poll ? left : Poll, _done.Token);
            var reason = OverTime();
            if (reason is null)
            {
                try
                {
                    reason = OverSize(await _probe.MeasureAsync(_database, _done.Token));
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    continue; // the next poll, or the final measure, tries again; the time budget holds regardless
                }
            }
            if (reason is null)
                continue;
            _reason = reason;
            if (!await _kill(_threadId))
                await SafeCancellation.CancelAsync(_stop);
            return;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private string? OverTime() => _clock.Elapsed < _budget.Time ? null
        : $"the setup ran past its time budget of {_budget.Time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (--setup-timeout)";

    private string? OverSize((long Rows, long Bytes) size)
    {
        if (size.Rows > _budget.MaxRows)
            return $"the setup's tables hold {Count(size.Rows)} rows, past its budget of {Count(_budget.MaxRows)} (--setup-max-rows)";
        if (size.Bytes > _budget.MaxBytes)
            return $"the setup's tables take {Megabytes(size.Bytes)} MB, past its budget of {Megabytes(_budget.MaxBytes)} MB (--setup-max-mb)";
        return null;
    }

    private static string Count(long rows) => rows.ToString("N0", CultureInfo.InvariantCulture);

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture);
}
