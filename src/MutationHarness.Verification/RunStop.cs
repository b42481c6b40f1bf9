using MutationHarness.Core.Threading;

namespace MutationHarness.Verification;

/// <summary>How a run ends early: first it stops taking records and lets those in flight finish; then, after a grace
/// period or at once, it abandons those still in flight (they get no verdict and are run again on resume).</summary>
public sealed class RunStop : IDisposable
{
    private readonly CancellationTokenSource _taking = new();
    private readonly CancellationTokenSource _working = new();
    private readonly Lock _gate = new();
    private bool _disposed;
    private IDisposable? _drainTimer;

    /// <summary>Cancelled when no more records may be taken (and when a target is still starting: it stops).</summary>
    public CancellationToken Taking => _taking.Token;

    /// <summary>Cancelled when the records in flight are abandoned.</summary>
    public CancellationToken Working => _working.Token;

    /// <summary>True once a stop was asked for.</summary>
    public bool Requested => _taking.IsCancellationRequested;

    /// <summary>Stops taking records now; abandons those in flight after <paramref name="drain"/>.</summary>
    public void Stop(TimeSpan drain)
    {
        // A signal can arrive after the run has ended and disposed its stop: there is nothing left to stop then.
        lock (_gate)
        {
            if (_disposed)
                return;
            SafeCancellation.Cancel(_taking);
            _drainTimer ??= SafeCancellation.CancelAfter(_working, drain);
        }
    }

    /// <summary>Stops taking records and abandons those in flight, now.</summary>
    public void Abandon()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            SafeCancellation.Cancel(_taking);
            SafeCancellation.Cancel(_working);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _drainTimer?.Dispose();
            _taking.Dispose();
            _working.Dispose();
        }
    }
}
