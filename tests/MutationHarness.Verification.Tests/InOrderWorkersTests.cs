using MutationHarness.Verification;

namespace MutationHarness.Verification.Tests;

public sealed class InOrderWorkersTests
{
    private static async IAsyncEnumerable<int> Numbers(int count, Action<int>? onTake = null)
    {
        for (var i = 0; i < count; i++)
        {
            onTake?.Invoke(i);
            yield return i;
        }
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Results_leave_in_input_order_although_work_finishes_out_of_order()
    {
        // Given work whose duration varies, so later items often finish first
        var random = new Random(3);
        var delays = Enumerable.Range(0, 200).Select(_ => random.Next(0, 4)).ToArray();
        async Task<int> Slow(int item, CancellationToken token)
        {
            await Task.Delay(delays[item], token);
            return item * 10;
        }

        // When four workers run it
        var results = new List<int>();
        await foreach (var result in InOrderWorkers.RunAsync(Numbers(200), 4, Slow, TestContext.Current.CancellationToken))
            results.Add(result);

        // Then every result is there once, in input order
        Assert.Equal(Enumerable.Range(0, 200).Select(i => i * 10), results);
    }

    [Fact]
    public async Task A_caller_that_stops_reading_stops_the_workers_and_the_source()
    {
        // Given a long source that records how far it was read
        var highest = -1;
        var source = Numbers(100_000, i => Volatile.Write(ref highest, i));

        // When the caller takes five results and leaves
        var taken = 0;
        await foreach (var _ in InOrderWorkers.RunAsync(source, 2, (i, _) => Task.FromResult(i), TestContext.Current.CancellationToken))
        {
            if (++taken == 5)
                break;
        }

        // Then the source was read no further than the bounded window ahead of the caller
        Assert.InRange(Volatile.Read(ref highest), 4, 5 + 2 * 8);
    }

    [Fact]
    public async Task A_failing_item_surfaces_its_own_exception()
    {
        // Given work that fails on item 7
        static Task<int> Work(int item, CancellationToken _) =>
            item == 7 ? throw new InvalidOperationException("item 7 failed") : Task.FromResult(item);

        // When the stream is read to the end
        var read = new List<int>();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var result in InOrderWorkers.RunAsync(Numbers(50), 2, Work, TestContext.Current.CancellationToken))
                read.Add(result);
        });

        // Then the caller sees that exception, and no result from item 7 on
        Assert.Equal("item 7 failed", failure.Message);
        Assert.DoesNotContain(read, r => r >= 7);
    }
}
