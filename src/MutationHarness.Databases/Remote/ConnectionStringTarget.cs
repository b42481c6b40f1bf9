using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Execution;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Databases.Remote;

/// <summary>An existing MySQL-protocol server reached through a connection string whose account can create databases.</summary>
public sealed class ConnectionStringTarget : IQueryTarget
{
    private readonly MySqlQueryTarget _core;

    private ConnectionStringTarget(MySqlQueryTarget core, bool leastPrivilege)
    {
        _core = core;
        UsesLeastPrivilegeAccounts = leastPrivilege;
    }

    /// <inheritdoc />
    public string Name => _core.Name;

    /// <inheritdoc />
    public ServerInfo Server => _core.Server;

    /// <inheritdoc />
    public SessionSettings Session => _core.Session;

    /// <summary>True when statements run as a SELECT-only account made for this run; false when the given account could not create one.</summary>
    public bool UsesLeastPrivilegeAccounts { get; }

    /// <summary>A connection string for the account statements run as (no database chosen).</summary>
    public string ReaderConnectionString => _core.Accounts.Reader;

    /// <summary>Connects, detects the flavour and sets up per-run accounts when the given account may create them.</summary>
    public static Task<ConnectionStringTarget> OpenAsync(string connectionString, TargetOptions options, CancellationToken cancellationToken) =>
        OpenAsync(connectionString, TargetSpec.HidePassword(connectionString), options, null, cancellationToken);

    /// <summary>Same as <see cref="OpenAsync(string, TargetOptions, CancellationToken)"/>, with the name to report and something to dispose after it (a container).</summary>
    public static async Task<ConnectionStringTarget> OpenAsync(string connectionString, string name, TargetOptions options, IAsyncDisposable? owned, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var admin = SessionPinning.Harden(connectionString);
        ServerInfo server;
        try
        {
            server = await FlavorDetector.DetectAsync(admin, cancellationToken);
        }
        catch (MySqlConnector.MySqlException ex)
        {
            throw new TargetStartException(name, $"cannot connect: {ex.Message} (error {(int) ex.ErrorCode}).", inner: ex);
        }
        var accounts = await RunAccounts.TryCreateAsync(admin, cancellationToken);
        var core = new MySqlQueryTarget(name, server, accounts?.Accounts ?? new TargetAccounts(admin, admin, RunAccounts.DatabasePrefix), options,
            async () =>
            {
                if (accounts is not null)
                    await RunAccounts.DropAsync(admin, accounts, CancellationToken.None);
                if (owned is not null)
                    await owned.DisposeAsync();
            });
        return new ConnectionStringTarget(core, accounts is not null);
    }

    /// <inheritdoc />
    public Task<FixtureDatabase> LoadFixtureAsync(FixtureScript fixture, CancellationToken cancellationToken) =>
        _core.LoadFixtureAsync(fixture, cancellationToken);

    /// <inheritdoc />
    public Task DropFixtureAsync(FixtureDatabase database, CancellationToken cancellationToken) =>
        _core.DropFixtureAsync(database, cancellationToken);

    /// <inheritdoc />
    public Task<StatementOutcome> ExecuteAsync(FixtureDatabase database, string sql, TimeSpan deadline, CancellationToken cancellationToken) =>
        _core.ExecuteAsync(database, sql, deadline, cancellationToken);

    /// <summary>Closes the sessions and drops the per-run accounts.</summary>
    public ValueTask DisposeAsync() => _core.DisposeAsync();
}
