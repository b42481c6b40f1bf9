namespace MutationHarness.Core.Threading;

/// <summary>Cancelling where a registered callback may throw. The database driver registers its cancel (a KILL QUERY
/// sent over a fresh connection) on the tokens it is given; against a server that has just died that callback can
/// fail with a socket error. <see cref="CancellationTokenSource.CancelAfter(TimeSpan)"/> runs callbacks on a timer
/// thread and a signal handler on its own thread, where such an exception would end the process; here it is caught,
/// since the statement itself then fails and is judged on its own error.</summary>
public static class SafeCancellation
{
    /// <summary>Cancels <paramref name="source"/> after <paramref name="delay"/>; dispose the result before the source.</summary>
    public static IDisposable CancelAfter(CancellationTokenSource source, TimeSpan delay) =>
        new Timer(static state => Cancel((CancellationTokenSource) state!), source, delay, Timeout.InfiniteTimeSpan);

    /// <summary>Cancels <paramref name="source"/> now, whatever its callbacks throw, also when it was disposed meanwhile.</summary>
    public static void Cancel(CancellationTokenSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            source.Cancel();
        }
        catch (AggregateException)
        {
            // A callback failed (the driver's cancel on a dead server); the cancellation itself took place.
        }
        catch (ObjectDisposedException)
        {
            // The work finished and released its source while the timer fired.
        }
    }

    /// <summary>Cancels <paramref name="source"/> without blocking, whatever its callbacks throw.</summary>
    public static async Task CancelAsync(CancellationTokenSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            await source.CancelAsync();
        }
        catch (AggregateException)
        {
            // As in Cancel.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
