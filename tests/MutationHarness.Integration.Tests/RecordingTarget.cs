using System.Collections.Concurrent;
using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Targets;
using MutationHarness.Cli.Commands;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests;

/// <summary>A real target that also remembers every statement sent to it, to prove what was never sent.</summary>
internal sealed class RecordingTarget(IQueryTarget inner) : DelegatingQueryTarget(inner)
{
    public ConcurrentQueue<string> Executed { get; } = new();

    public override Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, TimeSpan deadline, CancellationToken cancellationToken)
    {
        Executed.Enqueue(sql);
        return base.ExecuteAsync(database, sql, deadline, cancellationToken);
    }

    public override Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, ReadRequest request, CancellationToken cancellationToken)
    {
        Executed.Enqueue(sql);
        return base.ExecuteAsync(database, sql, request, cancellationToken);
    }

    public override Task<IReadOnlyList<MutationHarness.Core.Results.ResultColumn>?> DescribeColumnsAsync(FixtureDatabase database, string sql, TimeSpan deadline, CancellationToken cancellationToken)
    {
        Executed.Enqueue(sql);
        return base.DescribeColumnsAsync(database, sql, deadline, cancellationToken);
    }
}

/// <summary>Opens the real targets and wraps each in a <see cref="RecordingTarget"/>.</summary>
internal sealed class RecordingOpener : ITargetOpener
{
    private readonly TargetOpener _real = new();

    public List<RecordingTarget> Opened { get; } = [];

    public async Task<IQueryTarget> OpenAsync(string spec, VerifyOptions options, CancellationToken cancellationToken)
    {
        var target = new RecordingTarget(await _real.OpenAsync(spec, options, cancellationToken));
        Opened.Add(target);
        return target;
    }
}
