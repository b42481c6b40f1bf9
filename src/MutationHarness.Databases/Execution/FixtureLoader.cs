using System.Security.Cryptography;
using System.Text;
using MutationHarness.Core.Fixtures;
using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>Creates a fresh database per fixture and runs its statements under the pinned session: shared fixtures as
/// the loader account, a record's own setup as the setup account, which reaches only setup databases.</summary>
internal sealed class FixtureLoader(TargetAccounts accounts, SessionSettings session)
{
    // Unique per run, so two runs sharing one server never meet.
    private readonly string _runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
    private int _counter;

    public async Task<FixtureDatabase> LoadAsync(FixtureScript fixture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var (account, prefix) = fixture.IsRecordSetup ? (accounts.SetupLoader, accounts.SetupPrefix) : (accounts.Loader, accounts.DatabasePrefix);
        var name = DatabaseName(prefix, fixture.Name);
        await using var connection = await OpenAsync(account, cancellationToken);
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
                catch (MySqlException ex)
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
        var account = database.Name.StartsWith(accounts.SetupPrefix, StringComparison.Ordinal) ? accounts.SetupLoader
            : database.Name.StartsWith(accounts.DatabasePrefix, StringComparison.Ordinal) ? accounts.Loader
            : throw new ArgumentException($"'{database.Name}' is not a fixture database of this target.", nameof(database));
        await using var connection = await OpenAsync(account, cancellationToken);
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

    private string DatabaseName(string prefix, string fixtureName)
    {
        var slug = new StringBuilder();
        foreach (var c in fixtureName.ToLowerInvariant())
        {
            if (slug.Length == 24)
                break;
            slug.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }
        var counter = Interlocked.Increment(ref _counter);
        return $"{prefix}{slug}_{_runId}{counter}";
    }
}
