using System.Text.Json;
using MutationHarness.Core.Records;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests.Durable;

/// <summary>Shards run side by side, each with its own embedded server, and their merge is the unsharded run's report.</summary>
public sealed class ShardTests(DurableCorpus corpus)
{
    private string Shard(int k) => Path.Combine(corpus.Folder, $"shard-{k}-of-4.jsonl");

    [Fact]
    public async Task Four_shards_run_side_by_side_and_merge_into_exactly_the_unsharded_report()
    {
        ServerAvailability.RequireMariaDb();

        // When four shards run at once (as four pods would)
        var runs = await Task.WhenAll(Enumerable.Range(1, 4).Select(k =>
            HarnessProcess.RunAsync(["verify", corpus.Pairs, "--shard", $"{k}/4", "--out", Shard(k), .. DurableCorpus.Options])));

        // Then each holds only its own records, the four cover the input once,
        Assert.All(runs, r => Assert.True(r.Exit is 0 or 1, r.Err));
        for (var k = 1; k <= 4; k++)
        {
            var ids = File.ReadLines(Shard(k)).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!).ToList();
            Assert.NotEmpty(ids);
            Assert.All(ids, id => Assert.True(new Shard(k, 4).Contains(id), $"{id} is not in shard {k}/4"));
        }
        Assert.Equal(corpus.Count, Enumerable.Range(1, 4).Sum(k => File.ReadLines(Shard(k)).Count()));

        // and merged (given in any order) they are the unsharded report, line for line
        var merged = Path.Combine(corpus.Folder, "merged.jsonl");
        var (exit, output, error) = await CliTests.RunAsync("", "merge", Shard(3), Shard(1), Shard(4), Shard(2), "--out", merged);
        Assert.True(exit == 1, error);
        Assert.Equal(corpus.Baseline, DurableCorpus.ComparableLines(merged));
        Assert.Matches($@"all\s.*\s{corpus.Count}\s", output);

        // A missing shard, or one given twice, is an error naming the records, and nothing is written
        var partial = Path.Combine(corpus.Folder, "partial.jsonl");
        (exit, _, error) = await CliTests.RunAsync("", "merge", Shard(1), Shard(2), Shard(4), "--out", partial);
        Assert.Equal(2, exit);
        Assert.Contains("are in none of the reports", error, StringComparison.Ordinal);
        Assert.False(File.Exists(partial));
        (exit, _, error) = await CliTests.RunAsync("", "merge", Shard(1), Shard(2), Shard(3), Shard(4), Shard(2), "--out", partial);
        Assert.Equal(2, exit);
        Assert.Contains("and in another report", error, StringComparison.Ordinal);
    }
}
