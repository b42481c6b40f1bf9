using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using MutationHarness.Databases.Remote;
using MutationHarness.Databases.Targets;
using MySqlConnector;
using Testcontainers.MySql;

namespace MutationHarness.Containers;

/// <summary>A throwaway server in a container, opened as a <see cref="ConnectionStringTarget"/> and removed with it.</summary>
public static class ContainerTarget
{
    private const ushort MySqlPort = 3306;
    private const ushort TiDbPort = 4000;

    /// <summary>Starts the container, waits until it accepts connections, and opens it as a target.</summary>
    public static async Task<ConnectionStringTarget> StartAsync(TargetSpec spec, TargetOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var image = ContainerImages.For(spec.Flavor, spec.Tag);
        var name = $"container:{image}";
        var password = "Mh" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

        IContainer container;
        try
        {
            container = Build(spec.Flavor, image, password);
        }
        catch (Exception ex) when (ex is DockerUnavailableException or DockerConfigurationException)
        {
            throw NoDocker(name, ex);
        }

        try
        {
            using var startTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            startTimeout.CancelAfter(options.StartTimeout);
            await container.StartAsync(startTimeout.Token);
            var port = container.GetMappedPublicPort(spec.Flavor == ServerFlavor.TiDb ? TiDbPort : MySqlPort);
            var connectionString = new MySqlConnectionStringBuilder
            {
                Server = container.Hostname,
                Port = port,
                UserID = "root",
                Password = spec.Flavor == ServerFlavor.TiDb ? "" : password,
                SslMode = MySqlSslMode.None,
                // MySQL 8 authenticates root with caching_sha2_password; without TLS the client must fetch the
                // server's RSA key to send the password (the first login, before the server caches it).
                AllowPublicKeyRetrieval = true,
            }.ConnectionString;
            await WaitForConnectionsAsync(connectionString, startTimeout.Token);
            return await ConnectionStringTarget.OpenAsync(connectionString, name, options, container, cancellationToken);
        }
        catch (Exception ex) when (ex is DockerUnavailableException or DockerConfigurationException)
        {
            await container.DisposeAsync();
            throw NoDocker(name, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            var logs = await TryLogsAsync(container);
            await container.DisposeAsync();
            throw new TargetStartException(name, $"the container was not ready within {options.StartTimeout.TotalSeconds:0} s.", image, logs, ex);
        }
        catch
        {
            await container.DisposeAsync();
            throw;
        }
    }

    private static IContainer Build(ServerFlavor flavor, string image, string password) => flavor switch
    {
        ServerFlavor.MySql => new MySqlBuilder(image).WithPassword(password).WithUsername("root").Build(),
        ServerFlavor.MariaDb => new ContainerBuilder(image)
            .WithPortBinding(MySqlPort, assignRandomHostPort: true)
            .WithEnvironment("MARIADB_ROOT_PASSWORD", password)
            .WithEnvironment("MARIADB_ROOT_HOST", "%")
            // The init-time server listens on no TCP port, so a TCP ping succeeds only for the real one.
            .WithWaitStrategy(Wait.ForUnixContainer().UntilCommandIsCompleted("mariadb-admin", "ping", "-h127.0.0.1", "-uroot", "-p" + password))
            .Build(),
        ServerFlavor.TiDb => new ContainerBuilder(image)
            .WithPortBinding(TiDbPort, assignRandomHostPort: true)
            .WithCommand("--store=unistore", "--path=/tmp/tidb")
            .WithWaitStrategy(Wait.ForUnixContainer().UntilInternalTcpPortIsAvailable(TiDbPort))
            .Build(),
        _ => throw new ArgumentOutOfRangeException(nameof(flavor), flavor, "Only mysql, mariadb and tidb run in containers."),
    };

    private static async Task WaitForConnectionsAsync(string connectionString, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                await using var connection = new MySqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (MySqlException)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    private static TargetStartException NoDocker(string name, Exception inner) =>
        new(name, "no Docker engine is reachable (" + inner.Message.Split('\n')[0].Trim() + "). Start Docker (or set DOCKER_HOST), or use local:mariadb or a connection string instead.", inner: inner);

    private static async Task<string?> TryLogsAsync(IContainer container)
    {
        try
        {
            var (stdout, stderr) = await container.GetLogsAsync(ct: CancellationToken.None);
            return Databases.Local.LogTail.Of(stdout + stderr);
        }
        catch (Exception)
        {
            return null;
        }
    }
}
