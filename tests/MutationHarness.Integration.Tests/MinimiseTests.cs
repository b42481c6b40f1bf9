using MutationHarness.Core.Pairs;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Verification.Minimising;

namespace MutationHarness.Integration.Tests;

/// <summary><c>harness minimise</c>: corpus violations shrink (or stay) and still violate on the embedded MariaDB.</summary>
public sealed class MinimiseTests(VerifierFixture fixture)
{
    private const string Target = "local:mariadb";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("mariadb-13")]
    [InlineData("mysql-03")]
    [InlineData("mysql-12")]
    [InlineData("tidb-09")]
    [InlineData("mariadb-05")]
    public async Task A_corpus_violation_shrinks_or_stays_and_still_violates(string id)
    {
        var pair = await CorpusPairAsync(id);

        var result = await Minimiser.MinimiseAsync(fixture.Verifier, Target, pair, null, Token);

        Assert.True(result.Reproduced, $"{id} should violate on {Target}");
        Assert.True(result.FinalReport.Targets.Single(t => t.Target == Target).Verdict == Core.Verdicts.Verdict.RelationViolated);
        Assert.True(Size(result.Final) <= Size(pair), $"{id} grew: {Size(pair)} → {Size(result.Final)}");
        Assert.Equal(result.Steps.Count > 0, Size(result.Final) < Size(pair));
        Assert.Equal(pair.Strategy, result.Final.Strategy);
    }

    [Fact]
    public async Task Noise_around_a_corpus_bug_is_cut_away_a_cut_at_a_time()
    {
        // Given tidb-11 (FixMCmpOpU: =ANY → >=ANY loses every row on MariaDB) with a join, a select item, a conjunct and a table added
        var corpus = await CorpusPairAsync("tidb-11");
        var pair = corpus with
        {
            Original = "SELECT 1, 2 AS extra FROM (SELECT 1 AS f1 FROM t) AS `t1` JOIN u ON u.x > 0 WHERE (!f1)=ANY (SELECT c1 FROM t) AND 1 = 1",
            Mutated = "SELECT 1, 2 AS extra FROM (SELECT 1 AS f1 FROM t) AS `t1` JOIN u ON u.x > 0 WHERE (!f1)>=ANY (SELECT c1 FROM t) AND 1 = 1",
            Setup = [.. corpus.Setup, "CREATE TABLE u (x INT)", "INSERT INTO u VALUES (1), (2)"],
        };

        // When it is minimised
        var result = await Minimiser.MinimiseAsync(fixture.Verifier, Target, pair, null, Token);

        // Then the noise is gone (one of the two select items stays: either keeps the rows' count), the site is kept,
        // and the pair still violates
        Assert.True(result.Reproduced);
        const string rest = " FROM (SELECT 1 AS f1 FROM t) AS `t1` WHERE (!f1)";
        Assert.Contains(result.Final.Original, new[] { "SELECT 1" + rest + "=ANY (SELECT c1 FROM t)", "SELECT 2 AS extra" + rest + "=ANY (SELECT c1 FROM t)" });
        Assert.Equal(result.Final.Original.Replace("=ANY", ">=ANY", StringComparison.Ordinal), result.Final.Mutated);
        Assert.DoesNotContain(result.Final.Setup, s => s.Contains(" u ", StringComparison.Ordinal) || s.EndsWith(" u (x INT)", StringComparison.Ordinal));
        var cuts = string.Join("\n", result.Steps.Select(s => s.Description));
        Assert.Contains("drop the joined u", cuts, StringComparison.Ordinal);
        Assert.Contains("drop the conjunct 1 = 1", cuts, StringComparison.Ordinal);
        Assert.Contains("drop select item", cuts, StringComparison.Ordinal);
        Assert.Contains("drop setup statement", cuts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pair_that_holds_is_not_minimised()
    {
        var pair = await CorpusPairAsync("mysql-01"); // verifies on 10.11

        var result = await Minimiser.MinimiseAsync(fixture.Verifier, Target, pair, null, Token);

        Assert.False(result.Reproduced);
        Assert.Empty(result.Steps);
        Assert.Same(pair, result.Final);
    }

    private static int Size(MutationPair pair) => pair.Original.Length + pair.Mutated.Length + pair.Setup.Sum(s => s.Length);

    private static async Task<MutationPair> CorpusPairAsync(string id)
    {
        var records = new RecordReader(StrategyCatalog.Default).ReadAsync(InputSources.Expand([SharedPaths.Corpus]), TextReader.Null, Token);
        await foreach (var record in records)
        {
            if (record.Id == id)
                return record.Pair!;
        }
        throw new InvalidOperationException($"{id} is not in the corpus");
    }
}
