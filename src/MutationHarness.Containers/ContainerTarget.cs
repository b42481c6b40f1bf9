using System.Security.Cryptography;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using DotNet.Testcontainers.Images;
using Microsoft.Extensions.Logging.Abstractions;
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

    /// <summary>Chooses the image (saying which through <see cref="TargetOptions.Log"/>), starts the container, waits until it
    /// accepts connections, and opens it as a target named as the user wrote it (<c>container:mariadb:11.8</c>).</summary>
    public static async Task<ConnectionStringTarget> StartAsync(TargetSpec spec, TargetOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var name = spec.DisplayName;
        var log = options.Log ?? (_ => { });
        var image = await PrepareAsync(spec, options.Pull, log, cancellationToken);
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

    /// <summary>Why <paramref name="spec"/> cannot start here (no engine answers, or no image can be had), or null when it can;
    /// for tests that skip saying why. May pull the image, as a start would.</summary>
    public static async Task<string?> WhyCannotStartAsync(TargetSpec spec, ImagePull pull, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        try
        {
            using var engine = await DockerEngine.ConnectAsync(cancellationToken);
            await ImageChoice.ChooseAsync(engine, spec, pull, cancellationToken);
            return null;
        }
        catch (EngineUnavailableException e)
        {
            return e.Reason;
        }
        catch (TargetStartException e)
        {
            return e.Message;
        }
    }

    // The engine is asked once, before Testcontainers starts anything: which image, whether Ryuk can run, and what dead
    // harnesses left behind.
    private static async Task<string> PrepareAsync(TargetSpec spec, ImagePull pull, Action<string> log, CancellationToken cancellationToken)
    {
        DockerEngine engine;
        try
        {
            engine = await DockerEngine.ConnectAsync(cancellationToken);
        }
        catch (EngineUnavailableException e)
        {
            throw new TargetStartException(spec.DisplayName, e.Message + " Or use local:mariadb or a connection string instead.", inner: e);
        }
        using (engine)
        {
            var choice = await ImageChoice.ChooseAsync(engine, spec, pull, cancellationToken);
            log($"{spec.DisplayName}: {choice.Account}");
            await ReaperChoice.DecideAsync(engine, pull, log, cancellationToken);
            await ContainerJanitor.PrepareAsync(engine, log, cancellationToken);
            return choice.Image;
        }
    }

    // The image was chosen (and pulled when needed) beforehand: Testcontainers never pulls. Every container carries its
    // harness's owner label, so it is removed however the harness ends. Testcontainers' own log would go to standard
    // output, which may be the report (--out -): the harness says what matters itself.
    private static IContainer Build(ServerFlavor flavor, string image, string password) => flavor switch
    {
        ServerFlavor.MySql => new MySqlBuilder(image).WithPassword(password).WithUsername("root")
            .WithImagePullPolicy(PullPolicy.Never).WithLabel(ContainerJanitor.OwnerLabel, ContainerJanitor.Owner).WithLogger(NullLogger.Instance).Build(),
        // No wait strategy: the entrypoint's init-time server listens on no TCP port, so the connection retries in
        // WaitForConnectionsAsync succeed only against the real one (and need no exec, which engines support unevenly).
        ServerFlavor.MariaDb => new ContainerBuilder(image)
            .WithImagePullPolicy(PullPolicy.Never).WithLabel(ContainerJanitor.OwnerLabel, ContainerJanitor.Owner).WithLogger(NullLogger.Instance)
            .WithPortBinding(MySqlPort, assignRandomHostPort: true)
            .WithEnvironment("MARIADB_ROOT_PASSWORD", password)
            .WithEnvironment("MARIADB_ROOT_HOST", "%")
            .Build(),
        ServerFlavor.TiDb => new ContainerBuilder(image)
            .WithImagePullPolicy(PullPolicy.Never).WithLabel(ContainerJanitor.OwnerLabel, ContainerJanitor.Owner).WithLogger(NullLogger.Instance)
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
        new(name, new EngineUnavailableException(DockerEngine.FirstLine(inner.Message)).Message + " Or use local:mariadb or a connection string instead.", inner: inner);

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
