using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MutationHarness.Core.Threading;

namespace MutationHarness.Verification;

/// <summary>Runs work over a stream with N worker loops and yields the results in input order.</summary>
/// <remarks>
/// Each worker takes the next item as soon as it finishes one, on the same thread: a producer
/// handing items to fresh tasks costs two thread-pool wake-ups per item, which on a small
/// machine is a visible share of a sub-millisecond statement. Memory stays bounded by
/// <c>window</c> items taken but not yet yielded, however long the stream.
/// </remarks>
internal static class InOrderWorkers
{
    public static IAsyncEnumerable<TResult> RunAsync<TItem, TResult>(IAsyncEnumerable<TItem> items, int workers,
        Func<TItem, CancellationToken, Task<TResult>> work, CancellationToken cancellationToken) =>
        RunAsync(items, workers, work, CancellationToken.None, cancellationToken);

    /// <summary>As above; when <paramref name="stopTaking"/> is cancelled no more items are taken, those taken finish
    /// (unless <paramref name="cancellationToken"/> abandons them), and every result finished in order is still yielded.</summary>
    public static async IAsyncEnumerable<TResult> RunAsync<TItem, TResult>(IAsyncEnumerable<TItem> items, int workers,
        Func<TItem, CancellationToken, Task<TResult>> work, CancellationToken stopTaking, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = workers * 8;
        // Stops the workers when the caller stops reading early, before the source is disposed.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        using var taking = CancellationTokenSource.CreateLinkedTokenSource(token, stopTaking);
        using var room = new SemaphoreSlim(window);
        using var take = new SemaphoreSlim(1);
        var finished = Channel.CreateUnbounded<(long Index, TResult Result)>(new UnboundedChannelOptions { SingleReader = true });
        await using var source = items.GetAsyncEnumerator(taking.Token);
        long taken = 0;
        Exception? failure = null;

        async Task<(bool, long, TItem?)> NextAsync()
        {
            try
            {
                await room.WaitAsync(taking.Token);
                await take.WaitAsync(taking.Token);
            }
            catch (OperationCanceledException) when (stopTaking.IsCancellationRequested && !token.IsCancellationRequested)
            {
                return (false, -1, default);
            }
            try
            {
                return await source.MoveNextAsync() ? (true, taken++, source.Current) : (false, -1, default);
            }
            catch (OperationCanceledException) when (stopTaking.IsCancellationRequested && !token.IsCancellationRequested)
            {
                // The source was waiting for input (a pipe) when the stop came: nothing more will be taken.
                return (false, -1, default);
            }
            finally
            {
                take.Release();
            }
        }

        async Task WorkAsync()
        {
            try
            {
                while (!stopTaking.IsCancellationRequested)
                {
                    var (any, index, item) = await NextAsync();
                    if (!any)
                        return;
                    finished.Writer.TryWrite((index, await work(item!, token)));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The item's result will never come, so the others would wait for room forever; they stop with
                // cancellations, and this failure is the one the caller hears of.
                Interlocked.CompareExchange(ref failure, e, null);
                await SafeCancellation.CancelAsync(stop);
                throw;
            }
        }

        var all = Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync, token)));
        _ = all.ContinueWith(t => finished.Writer.Complete(Volatile.Read(ref failure) ?? t.Exception?.InnerException ?? (t.IsCanceled ? new OperationCanceledException(token) : null)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        var early = new Dictionary<long, TResult>();
        long next = 0;
        var completed = false;
        try
        {
            // Not cancelled by the token: the workers complete the channel when they stop, and results already
            // finished when the work is abandoned are still yielded in order.
            await foreach (var (index, result) in finished.Reader.ReadAllAsync(CancellationToken.None))
            {
                early[index] = result;
                while (early.Remove(next, out var ready))
                {
                    next++;
                    room.Release();
                    yield return ready;
                }
            }
            await all;
            completed = true;
        }
        finally
        {
            if (!completed)
            {
                await SafeCancellation.CancelAsync(stop);
                try { await all; }
                catch (OperationCanceledException) { /* the workers stopped as asked */ }
            }
        }
    }
}
