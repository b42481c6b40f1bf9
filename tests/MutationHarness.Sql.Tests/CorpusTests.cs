namespace MutationHarness.Sql.Tests;

public sealed class CorpusTests
{
    public static TheoryData<string> Ids() => [.. CorpusFile.PinoloBugReports().Select(p => p.Id)];

    private static CorpusPair Pair(string id) => CorpusFile.PinoloBugReports().Single(p => p.Id == id);

    [Theory]
    [MemberData(nameof(Ids))]
    public void Both_sides_parse_and_normal_form_is_stable(string id)
    {
        var pair = Pair(id);
        foreach (var sql in new[] { pair.Original, pair.Mutated })
        {
            var parsed = SqlParser.Parse(sql);
            var again = SqlParser.Parse(parsed.Normalized);
            Assert.Equal(parsed.Normalized, again.Normalized);
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Each_pair_conforms_to_its_recorded_strategy_and_direction(string id)
    {
        var pair = Pair(id);
        var result = Conformance.Check(pair.Strategy ?? "FixMDistinctL", pair.Original, pair.Mutated);
        if (pair.Strategy is null)
        {
            Assert.Equal(ConformanceFailure.NothingChanged, result.Failure);
            return;
        }

        Assert.True(result.Conforms, $"{id}: {result.Failure} {result.Reason}");
        Assert.Equal(pair.IsUpper, result.IsUpper);
    }

    [Fact]
    public void The_corpus_has_41_pairs()
    {
        Assert.Equal(41, CorpusFile.PinoloBugReports().Count);
    }
}
