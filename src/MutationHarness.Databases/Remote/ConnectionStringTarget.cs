using Dapper;
using MutationHarness.Databases.Execution;
using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Databases.Remote;

/// <summary>An existing MySQL-protocol server reached through a connection string whose account can create databases.
/// Everything a run makes there carries its run id and is dropped when the target is disposed.</summary>
public sealed class ConnectionStringTarget : DelegatingQueryTarget
{
    private readonly MySqlQueryTarget _core;

    private ConnectionStringTarget(MySqlQueryTarget core)
        : base(core) => _core = core;

    /// <summary>True when statements run as a SELECT-only account made for this run; false when the given account could not create one.</summary>
    public bool UsesLeastPrivilegeAccounts => _core.Accounts.IsolatesSetups;

    /// <summary>A connection string for the account statements run as (no database chosen).</summary>
    public string ReaderConnectionString => _core.Accounts.Reader;

    /// <summary>This run's id: the accounts and databases it makes on the server all carry it.</summary>
    public string RunId => _core.Accounts.Names.RunId;

    /// <summary>Connects, detects the flavour, sweeps what dead earlier runs left, and sets up per-run accounts when the given account may create them.</summary>
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
        string host;
        try
        {
            server = await FlavorDetector.DetectAsync(admin, cancellationToken);
            host = await ClientHostAsync(admin, cancellationToken);
        }
        catch (MySqlException ex)
        {
            throw new TargetStartException(name, $"cannot connect: {ex.Message} (error {(int) ex.ErrorCode}).", inner: ex);
        }
        var names = RunNames.New();
        var presence = await RunPresence.TakeAsync(admin, names, cancellationToken);
        TargetAccounts? made = null;
        try
        {
            var notices = new List<string>();
            var (removed, problem) = await LeftoverRuns.SweepAsync(admin, names.RunId, cancellationToken);
            if (removed.Count > 0)
                notices.Add($"removed what earlier runs that are no longer connected left behind: {Describe(removed)}");
            if (problem is not null)
                notices.Add(problem);
            var accounts = made = await RunAccounts.TryCreateAsync(admin, host, names, cancellationToken);
            if (accounts is not null)
                await CheckLoginAsync(name, accounts, cancellationToken);
            else
                notices.Add(Unisolated);
            var used = accounts ?? new TargetAccounts(names, admin, admin, null, host);
            var core = new MySqlQueryTarget(name, server, used, options, notices, async () =>
            {
                await DropRunAsync(admin, used);
                await presence.DisposeAsync();
                if (owned is not null)
                    await owned.DisposeAsync();
            });
            return new ConnectionStringTarget(core);
        }
        catch
        {
            // Stopped or failed halfway (a signal while the run starts): what was made so far goes too.
            if (made is not null)
                await DropRunAsync(admin, made);
            await presence.DisposeAsync();
            throw;
        }
    }

    private const string Unisolated =
        "the given account cannot create users, so these protections are off: pairs run as that account, not as a SELECT-only " +
        "account made for this run (only the checked SELECT is sent, but the server would let it write); records' setups cannot get " +
        "an account and a database of their own, so they are refused (--allow-unisolated-setup runs them as that account, able to " +
        "reach everything it can reach)";

    // The host the server sees this client as: the run's accounts may log in from there only, not from anywhere.
    private static async Task<string> ClientHostAsync(string admin, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        var user = await connection.ExecuteScalarAsync<string>(new CommandDefinition("SELECT USER()", cancellationToken: cancellationToken));
        var at = user?.LastIndexOf('@') ?? -1;
        var host = at < 0 ? "" : user![(at + 1)..];
        return host.Length == 0 || host.Any(c => c is '%' or '_' or '\'' or '\\') ? "%" : host;
    }

    // A stock server's anonymous accounts (''@'localhost') match before 'user'@'%', so the run's accounts can exist
    // and still be refused at login: say so, rather than fail on the first statement.
    private static async Task CheckLoginAsync(string name, TargetAccounts accounts, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new MySqlConnection(accounts.Reader);
            await connection.OpenAsync(cancellationToken);
        }
        catch (MySqlException ex)
        {
            // The caller drops the accounts.
            throw new TargetStartException(name, $"the per-run accounts it created cannot log in: {ex.Message} (error {(int) ex.ErrorCode}). " +
                "Anonymous accounts shadow them on a freshly installed server: drop those (SELECT user, host FROM mysql.user WHERE user = ''; " +
                "then DROP USER ''@'<host>' for each), or connect with an account that cannot create users.", inner: ex);
        }
    }

    /// <summary>Drops every database and account of this run; best effort, as the server may be gone already (a stopped container).</summary>
    private static async Task DropRunAsync(string admin, TargetAccounts accounts)
    {
        try
        {
            await using var connection = new MySqlConnection(admin);
            await connection.OpenAsync(CancellationToken.None);
            await RunCleanup.DropAsync(connection, accounts.Names.RunId, accounts.IsolatesSetups
                ? [(accounts.Names.Reader, accounts.AccountHost), (accounts.Names.Loader, accounts.AccountHost)]
                : [], CancellationToken.None);
        }
        catch (MySqlException)
        {
            // What is left is swept by the next run on this server.
        }
    }

    private static string Describe(IReadOnlyList<string> removed) =>
        removed.Count <= 12 ? string.Join(", ", removed) : string.Join(", ", removed.Take(12)) + $" and {removed.Count - 12} more";
}
