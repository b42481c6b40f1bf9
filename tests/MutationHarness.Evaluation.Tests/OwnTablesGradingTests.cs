using System.Text.Json;
using MutationHarness.Core.Strategies;

namespace MutationHarness.Evaluation.Tests;

/// <summary>Examples whose seed needs tables of its own (bug reports), and seeds that do not run at all.</summary>
public sealed class OwnTablesGradingTests(ServerFixture servers)
{
    private static TestExample Pair(string original, string mutated, params string[] setup) =>
        TestSetReader.Parse(JsonSerializer.Serialize(new { id = "own", strategy = "FixMWhere1U", original, mutated, setup }),
            "test.jsonl", 1, EvalMode.Mutation, StrategyCatalog.Default);

    [Fact]
    public async Task A_pair_record_with_its_own_setup_is_graded_on_its_own_tables()
    {
        // Given a bug-report pair whose table t exists only through the record's setup
        var example = Pair("SELECT c FROM t WHERE c > 1", "SELECT c FROM t WHERE 1",
            "CREATE TABLE t (c INT)", "INSERT INTO t VALUES (1), (2), (3)");

        // When the reference itself is the answer
        var result = await servers.Mutation.GradeAsync(example, ModelAnswer.Of(example.Reference!), TestContext.Current.CancellationToken);

        // Then it runs there and holds its relation
        Assert.True(result.Passed, string.Join(" | ", result.Details));
        Assert.True(result.Metrics[MetricNames.Executes]);
        Assert.True(result.Metrics[MetricNames.Relation]);
    }

    [Fact]
    public async Task An_unknown_table_the_seed_shares_is_not_counted_as_the_models_invention()
    {
        // Given a seed that cannot run on these databases (its table is missing), and an answer using the same table
        var example = Pair("SELECT c FROM missing_table WHERE c > 1", "SELECT c FROM missing_table WHERE 1");

        // When graded
        var result = await servers.Mutation.GradeAsync(example, ModelAnswer.Of(example.Reference!), TestContext.Current.CancellationToken);

        // Then the answer does not execute, but no hallucination is charged to the model, and the seed's failure is said
        Assert.False(result.Metrics[MetricNames.Executes]);
        Assert.True(result.Metrics[MetricNames.NoHallucination], string.Join(" | ", result.Details));
        Assert.Empty(result.Hallucinations);
        Assert.Contains(result.Details, d => d.StartsWith("the seed query itself did not run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_invented_table_is_still_caught_when_the_seed_runs()
    {
        // Given a seed that runs, and an answer naming a table that does not exist
        var example = Pair("SELECT c FROM t WHERE c > 1", "SELECT c FROM t WHERE 1", "CREATE TABLE t (c INT)", "INSERT INTO t VALUES (1)");

        // When graded
        var result = await servers.Mutation.GradeAsync(example, ModelAnswer.Of("SELECT c FROM t_invented WHERE 1"), TestContext.Current.CancellationToken);

        // Then the invented table is named
        Assert.False(result.Metrics[MetricNames.NoHallucination]);
        Assert.Contains(result.Hallucinations, h => h.Name.Contains("t_invented", StringComparison.Ordinal));
    }
}
