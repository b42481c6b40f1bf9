using MutationHarness.Core.Records;

namespace MutationHarness.Core.Tests;

/// <summary>Shards split the records by a hash of their id that is the same on every machine and in every run.</summary>
public sealed class ShardTests
{
    [Fact]
    public void Every_id_is_in_exactly_one_shard_and_the_shards_are_of_similar_size()
    {
        var ids = Enumerable.Range(0, 4000).Select(i => $"pair-{i}").ToList();
        var shards = Enumerable.Range(1, 4).Select(k => new Shard(k, 4)).ToList();

        var counts = shards.Select(s => ids.Count(s.Contains)).ToList();

        Assert.All(ids, id => Assert.Single(shards, s => s.Contains(id)));
        Assert.All(counts, c => Assert.InRange(c, 850, 1150));
        Assert.All(ids, id => Assert.True(Shard.All.Contains(id)));
    }

    [Fact]
    public void The_hash_is_fixed_by_its_definition_not_by_the_process()
    {
        // FNV-1a 64 test vectors: the empty string and "a".
        Assert.Equal(0xcbf29ce484222325UL, Shard.Hash(""));
        Assert.Equal(0xaf63dc4c8601ec8cUL, Shard.Hash("a"));
    }

    [Theory]
    [InlineData("2/4", 2, 4)]
    [InlineData("1/1", 1, 1)]
    public void K_of_N_is_read(string text, int number, int count) => Assert.Equal(new Shard(number, count), Shard.Parse(text));

    [Theory]
    [InlineData("0/4")]
    [InlineData("5/4")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("-1/4")]
    public void Anything_else_is_refused_saying_what_to_give(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => Shard.Parse(text));
        Assert.Contains("K/N", error.Message, StringComparison.Ordinal);
    }
}
