using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Execution;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Databases.Remote;

/// <summary>An existing MySQL-protocol server reached through a connection string whose account can create databases.</summary>
public sealed class ConnectionStringTarget : DelegatingQueryTarget
{
    private readonly MySqlQueryTarget _core;

    private ConnectionStringTarget(MySqlQueryTarget core, bool leastPrivilege)
        : base(core)
    {
        _core = core;
        UsesLeastPrivilegeAccounts = leastPrivilege;
    }

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
        if (accounts is not null)
            await CheckLoginAsync(name, admin, accounts, cancellationToken);
        var core = new MySqlQueryTarget(name, server,
            accounts?.Accounts ?? new TargetAccounts(admin, admin, RunAccounts.DatabasePrefix, admin, TargetAccounts.RecordSetupPrefix), options,
            async () =>
            {
                if (accounts is not null)
                    await RunAccounts.DropAsync(admin, accounts, CancellationToken.None);
                if (owned is not null)
                    await owned.DisposeAsync();
            });
        return new ConnectionStringTarget(core, accounts is not null);
    }

    // A stock server's anonymous accounts (''@'localhost') match before 'user'@'%', so the run's accounts can exist
    // and still be refused at login: say so, rather than fail on the first statement.
    private static async Task CheckLoginAsync(string name, string admin, RunAccounts.Created accounts, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new MySqlConnector.MySqlConnection(accounts.Accounts.Reader);
            await connection.OpenAsync(cancellationToken);
        }
        catch (MySqlConnector.MySqlException ex)
        {
            await RunAccounts.DropAsync(admin, accounts, CancellationToken.None);
            throw new TargetStartException(name, $"the per-run accounts it created cannot log in: {ex.Message} (error {(int) ex.ErrorCode}). " +
                "Anonymous accounts shadow them on a freshly installed server: drop those (SELECT user, host FROM mysql.user WHERE user = ''; " +
                "then DROP USER ''@'<host>' for each), or connect with an account that cannot create users.", inner: ex);
        }
    }
}
