using System.Text;
using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Quirks;
using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>Creates a fresh database per fixture and runs its statements under the pinned session: shared fixtures as
/// the loader, a record's own setup through <see cref="RecordSetups"/>, as an account of its own.</summary>
internal sealed class FixtureLoader(TargetAccounts accounts, SessionSettings session, ServerFlavor flavor)
{
    private readonly RecordSetups _setups = new(accounts, session, flavor);
    private int _counter;

    public async Task<FixtureDatabase> LoadAsync(FixtureScript fixture, CancellationToken cancellationToken)
    {
        try
        {
            return await LoadOrThrowAsync(fixture, cancellationToken);
        }
        catch (Exception ex) when (ServerGone(ex) is { } gone)
        {
            // The server went away under the load: not the script's fault, so not the record's.
            throw new TargetLostException("the server", $"while loading '{fixture.Name}': {gone.Message}", ex);
        }
    }

    // A setup stopped at its budget loses its connection on purpose: that is the record's verdict, not a lost server.
    private static MySqlException? ServerGone(Exception ex) =>
        ex is not SetupBudgetException && (ex as MySqlException ?? ex.InnerException as MySqlException) is { } mysql
        && mysql.ErrorCode != MySqlErrorCode.CommandTimeoutExpired // the statement's own deadline, not the server's end
        && (mysql.SqlState is null || ServerErrors.MeansServerGone((int) mysql.ErrorCode)) ? mysql : null;

    private async Task<FixtureDatabase> LoadOrThrowAsync(FixtureScript fixture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        if (fixture.IsRecordSetup)
            return await _setups.LoadAsync(fixture, cancellationToken);
        var name = SharedName(fixture.Name);
        await using var connection = await OpenAsync(accounts.Loader, cancellationToken);
        var timeout = fixture.StatementTimeout is { } deadline ? (int) Math.Ceiling(deadline.TotalSeconds) : 0;
        await connection.RunAsync($"CREATE DATABASE `{name}` CHARACTER SET {session.CharacterSet} COLLATE {session.Collation}", cancellationToken);
        try
        {
            await connection.ChangeDatabaseAsync(name, cancellationToken);
            for (var i = 0; i < fixture.Statements.Count; i++)
            {
                try
                {
                    await connection.RunAsync(fixture.Statements[i], cancellationToken, timeout);
                }
                catch (MySqlException ex) when (ServerGone(ex) is null)
                {
                    throw new FixtureLoadException(fixture.Name, i, fixture.Statements[i], (int) ex.ErrorCode, ex.SqlState ?? "HY000", ex.Message, ex);
                }
            }
        }
        catch
        {
            await DropQuietlyAsync(connection, name);
            throw;
        }
        return new FixtureDatabase(name, fixture.Name);
    }

    public async Task DropAsync(FixtureDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        if (database.Name.StartsWith(accounts.Names.SetupPrefix, StringComparison.Ordinal))
        {
            await _setups.DropAsync(database.Name, cancellationToken);
            return;
        }
        if (!database.Name.StartsWith(accounts.Names.SharedPrefix, StringComparison.Ordinal))
            throw new ArgumentException($"'{database.Name}' is not a fixture database of this target.", nameof(database));
        await using var connection = await OpenAsync(accounts.Loader, cancellationToken);
        await connection.RunAsync($"DROP DATABASE IF EXISTS `{database.Name}`", cancellationToken);
    }

    private async Task<MySqlConnection> OpenAsync(string account, CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(account);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.RunAsync(SessionPinning.SetStatement(session), cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task DropQuietlyAsync(MySqlConnection connection, string name)
    {
        try
        {
            await connection.RunAsync($"DROP DATABASE IF EXISTS `{name}`", CancellationToken.None);
        }
        catch (MySqlException)
        {
            // The load already failed; its error is the one worth reporting.
        }
    }

    private string SharedName(string fixtureName)
    {
        var slug = new StringBuilder();
        foreach (var c in fixtureName.ToLowerInvariant())
        {
            if (slug.Length == 24)
                break;
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }
        var counter = Interlocked.Increment(ref _counter);
        return $"{accounts.Names.SharedPrefix}{slug}_{counter}";
    }
}
