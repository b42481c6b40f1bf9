using System.Globalization;
using System.Security.Cryptography;
using MutationHarness.Databases.Local;
using MutationHarness.Databases.Targets;
using MySqlConnector;
using Xunit;

namespace MutationHarness.TestSupport;

/// <summary>A second throwaway MariaDB a test class starts for itself (<c>IClassFixture</c>), standing in for a user's
/// own server reached through a connection string: tests create accounts on it as root and point targets at it.</summary>
public sealed class SecondMariaDbFixture : IAsyncLifetime
{
    private LocalMariaDbTarget? _server;
    private Exception? _startFailure;

    private LocalMariaDbTarget Server
    {
        get
        {
            ServerAvailability.RequireMariaDb();
            if (_startFailure is not null)
                throw new InvalidOperationException("The second MariaDB did not start: " + _startFailure.Message, _startFailure);
            return _server!;
        }
    }

    /// <summary>Creates an account with the given grants (<c>{0}</c> stands for the account) and returns a connection string for it.</summary>
    public async Task<string> CreateAccountAsync(string password, params string[] grants)
    {
        var user = "user_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var account = $"'{user}'@'localhost'";
        await ExecuteAsync($"CREATE USER {account} IDENTIFIED BY '{password}'");
        foreach (var grant in grants)
            await ExecuteAsync(string.Format(CultureInfo.InvariantCulture, grant, account));
        return $"Server={LocalServerArguments.SocketPath(Server.RunDirectory)};Protocol=Unix;User ID={user};Password={password};SslMode=None";
    }

    /// <summary>An account that may do anything, as a user's administrator account.</summary>
    public Task<string> CreateAdminAsync(string password = "Admin_pw_1") => CreateAccountAsync(password, "GRANT ALL PRIVILEGES ON *.* TO {0} WITH GRANT OPTION");

    /// <summary>Runs a statement as the server's root.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenRootAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The first column of every row a query gives, as root.</summary>
    public async Task<IReadOnlyList<string>> ColumnAsync(string sql)
    {
        await using var connection = await OpenRootAsync();
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            values.Add(Convert.ToString(reader.GetValue(0), CultureInfo.InvariantCulture) ?? "");
        return values;
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        if (!ServerAvailability.HasMariaDb)
            return;
        try
        {
            _server = await LocalMariaDbTarget.StartAsync(new TargetOptions { Jobs = 1 }, TestContext.Current.CancellationToken);
        }
        catch (Exception ex)
        {
            _startFailure = ex;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
            await _server.DisposeAsync();
    }

    private async Task<MySqlConnection> OpenRootAsync()
    {
        var connection = new MySqlConnection(Server.RootConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }
}
