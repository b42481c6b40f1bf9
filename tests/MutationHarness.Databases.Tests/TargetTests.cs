using MutationHarness.Core.Fixtures;
using MutationHarness.Core.Results;
using MutationHarness.Databases.Targets;
using MutationHarness.TestSupport;

namespace MutationHarness.Databases.Tests;

/// <summary>Provider-generic tests: one abstract class, one-line subclasses per flavour.</summary>
public abstract class TargetTests(ITargetProvider provider)
{
    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    protected ITargetProvider Provider { get; } = provider;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    protected async Task<(IQueryTarget Target, FixtureDatabase Database)> LoadAsync(params string[] statements)
    {
        var target = Provider.RequireTarget();
        var database = await target.LoadFixtureAsync(new FixtureScript("test", statements), Token);
        return (target, database);
    }

    protected static async Task<ResultSet> RowsAsync(IQueryTarget target, FixtureDatabase database, string sql)
    {
        var outcome = await target.ExecuteAsync(database, sql, Deadline, Token);
        return Assert.IsType<RowsOutcome>(outcome).Result;
    }

    protected static async Task<ServerErrorOutcome> ErrorAsync(IQueryTarget target, FixtureDatabase database, string sql)
    {
        var outcome = await target.ExecuteAsync(database, sql, Deadline, Token);
        return Assert.IsType<ServerErrorOutcome>(outcome);
    }

    protected static string?[] Cells(ResultSet result, int row = 0) => [.. result.Rows[row].Cells];

    protected void Require(ServerFeatures feature)
    {
        if (!Provider.Features.HasFlag(feature))
            Assert.Skip($"This server flavour lacks {feature}.");
    }
}
