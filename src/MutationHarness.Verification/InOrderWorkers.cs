using System.Runtime.CompilerServices;
using System.Threading.Channels;

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
    public static async IAsyncEnumerable<TResult> RunAsync<TItem, TResult>(IAsyncEnumerable<TItem> items, int workers,
        Func<TItem, CancellationToken, Task<TResult>> work, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var window = workers * 8;
        // Stops the workers when the caller stops reading early, before the source is disposed.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        using var room = new SemaphoreSlim(window);
        using var take = new SemaphoreSlim(1);
        var finished = Channel.CreateUnbounded<(long Index, TResult Result)>(new UnboundedChannelOptions { SingleReader = true });
        await using var source = items.GetAsyncEnumerator(token);
        long taken = 0;

        async Task<(bool, long, TItem?)> NextAsync()
        {
            await take.WaitAsync(token);
            try
            {
                return await source.MoveNextAsync() ? (true, taken++, source.Current) : (false, -1, default);
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
                while (true)
                {
                    await room.WaitAsync(token);
                    var (any, index, item) = await NextAsync();
                    if (!any)
                        return;
                    finished.Writer.TryWrite((index, await work(item!, token)));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The item's result will never come, so the others would wait for room forever.
                await stop.CancelAsync();
                throw;
            }
        }

        var all = Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(WorkAsync, token)));
        _ = all.ContinueWith(t => finished.Writer.Complete(t.Exception?.InnerException ?? (t.IsCanceled ? new OperationCanceledException(token) : null)),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        var early = new Dictionary<long, TResult>();
        long next = 0;
        var completed = false;
        try
        {
            await foreach (var (index, result) in finished.Reader.ReadAllAsync(cancellationToken))
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
                await stop.CancelAsync();
                try { await all; }
                catch (OperationCanceledException) { /* the workers stopped as asked */ }
            }
        }
    }
}
