using MutationHarness.Core.Results;
using MutationHarness.Core.Fixtures;

namespace MutationHarness.Databases.Targets;

/// <summary>A server the pairs run on: it loads fixture databases and runs read-only statements in them.</summary>
public interface IQueryTarget : IAsyncDisposable
{
    /// <summary>The name the user gave (<c>local:mariadb</c>, or a connection string with its password hidden).</summary>
    string Name { get; }

    /// <summary>The server's version and flavour, read when the target was opened.</summary>
    ServerInfo Server { get; }

    /// <summary>The session settings every statement runs under.</summary>
    SessionSettings Session { get; }

    /// <summary>What this target protects, and what a user should be told about it.</summary>
    TargetProtections Protections { get; }

    /// <summary>Creates a fresh database on the server and runs the fixture's statements in it.</summary>
    Task<FixtureDatabase> LoadFixtureAsync(FixtureScript fixture, CancellationToken cancellationToken);

    /// <summary>Drops a database made by <see cref="LoadFixtureAsync"/>.</summary>
    Task DropFixtureAsync(FixtureDatabase database, CancellationToken cancellationToken);

    /// <summary>Runs one statement (already checked to be a single read-only SELECT) under a deadline.</summary>
    Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, TimeSpan deadline, CancellationToken cancellationToken);

    /// <summary>Runs one statement (already checked to be a single read-only SELECT) as <paramref name="request"/> says:
    /// size limits, and which rows' text to keep beside the multiset of row hashes.</summary>
    Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, ReadRequest request, CancellationToken cancellationToken);

    /// <summary>Runs one statement (already checked) again only to learn its result columns' types, decimals and own
    /// collations; null when that cannot be had.</summary>
    Task<IReadOnlyList<ResultColumn>?> DescribeColumnsAsync(FixtureDatabase database, string sql, TimeSpan deadline, CancellationToken cancellationToken);

    /// <summary>Asks the server which of <paramref name="values"/> its collation calls equal: one class number per
    /// value, equal numbers for equal values; null when the server cannot say.</summary>
    Task<IReadOnlyList<int>?> CollationClassesAsync(FixtureDatabase database, ResultColumn column, IReadOnlyList<string> values, TimeSpan deadline, CancellationToken cancellationToken);
}
