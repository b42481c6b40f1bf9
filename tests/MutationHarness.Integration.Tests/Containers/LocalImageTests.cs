using System.Text.Json.Nodes;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Images;
using Microsoft.Extensions.Logging.Abstractions;
using MutationHarness.Containers;
using MutationHarness.Databases.Local.Versions;
using MutationHarness.Databases.Targets;
using MutationHarness.Integration.Tests.Durable;
using MySqlConnector;

namespace MutationHarness.Integration.Tests.Containers;

/// <summary>The image <c>harness servers image mariadb:11.8</c> builds: kept while its root and recipe stay the same, and run
/// as the official image is (its variables, no account without a password, a health check).</summary>
[Collection(ContainerCollection.Name)]
public sealed class LocalImageTests
{
    [Fact]
    public async Task Building_again_from_the_same_root_keeps_the_image_and_the_list_shows_it()
    {
        await ContainerAvailability.RequireMariaDbAsync();

        var (exit, output, error) = await HarnessProcess.RunAsync("servers", "image", "mariadb:11.8");
        var (_, list, _) = await HarnessProcess.RunAsync("servers", "list", "--json");

        Assert.True(exit == 0, error);
        Assert.Contains("mutationharness/mariadb:11.8: MariaDB 11.8.", output, StringComparison.Ordinal);
        Assert.Contains("up to date", output, StringComparison.Ordinal);
        var images = JsonNode.Parse(list)!.AsArray().ToDictionary(r => (string)r!["target"]!, r => (string?)r!["image"]);
        Assert.Equal("mutationharness/mariadb:11.8", images["local:mariadb:11.8"]);
        Assert.Null(images["local:mariadb:10.6"]);
    }

    // No exec into the container: Podman keeps an exec session's monitor process five minutes after it ends.
    [Fact]
    public async Task The_image_honours_the_official_variables_and_has_no_account_without_a_password()
    {
        await ContainerAvailability.RequireMariaDbAsync();
        var cancellationToken = TestContext.Current.CancellationToken;
        const string password = "r'o\\ot\"pw";
        const string database = "mh`db";

        // Given the image run with the official image's variables (values that need quoting in SQL), Ryuk decided as a
        // container target decides it
        using var engine = await DockerEngine.ConnectAsync(cancellationToken);
        await ReaperChoice.DecideAsync(engine, ImagePull.Never, _ => { }, cancellationToken);
        await using var container = new ContainerBuilder(ContainerImages.Qualified(LocalMariaDbImage.NameOf(MariaDbRelease.Find("11.8")!)))
            .WithImagePullPolicy(PullPolicy.Never).WithLabel(ContainerJanitor.OwnerLabel, ContainerJanitor.Owner).WithLogger(NullLogger.Instance)
            .WithPortBinding(3306, assignRandomHostPort: true)
            .WithEnvironment("MARIADB_ROOT_PASSWORD", password)
            .WithEnvironment("MARIADB_DATABASE", database)
            .WithEnvironment("MARIADB_USER", "mh_user")
            .WithEnvironment("MARIADB_PASSWORD", "user-pw")
            .Build();
        await container.StartAsync(cancellationToken);
        string Connection(string user, string pw, string? db = null) => new MySqlConnectionStringBuilder
        {
            Server = container.Hostname, Port = container.GetMappedPublicPort(3306), UserID = user, Password = pw, Database = db ?? "", SslMode = MySqlSslMode.None,
        }.ConnectionString;

        // When the server answers (the accounts are set up before it listens)
        await using var root = await OpenAsync(Connection("root", password), cancellationToken);

        // Then root has the password from anywhere, the user owns the database, and only these accounts exist
        await using var user = await OpenAsync(Connection("mh_user", "user-pw", database), cancellationToken);
        Assert.Equal(database, await ScalarAsync(user, "SELECT DATABASE()", cancellationToken));
        Assert.Equal("mh_user@%,root@%,root@localhost", await ScalarAsync(root,
            "SELECT GROUP_CONCAT(CONCAT(User, '@', Host) ORDER BY User, Host) FROM mysql.user WHERE User NOT IN ('mariadb.sys')", cancellationToken));
        Assert.Equal(0L, Convert.ToInt64(await ScalarAsync(root, "SELECT COUNT(*) FROM mysql.user WHERE authentication_string = '' AND plugin <> 'unix_socket' AND User <> 'mariadb.sys'", cancellationToken)));

        // And the engine runs the image's health check (Docker reports it healthy; Podman, with no systemd to time it, starting)
        var health = (await engine.Client.Containers.InspectContainerAsync(container.Id, cancellationToken)).State?.Health;
        Assert.NotNull(health);
        Assert.Contains(health.Status, new[] { "starting", "healthy" });
    }

    private static async Task<MySqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var connection = new MySqlConnection(connectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                return connection;
            }
            catch (MySqlException) when (attempt < 300)
            {
                await connection.DisposeAsync();
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private static async Task<object?> ScalarAsync(MySqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
