using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;

namespace MutationHarness.Containers;

/// <summary>The Docker API of the engine Testcontainers finds (DOCKER_HOST, ~/.testcontainers.properties, the default socket):
/// Docker or Podman's compatible service. Images are looked up, pulled, imported and built here; containers are started
/// through Testcontainers.</summary>
internal sealed class DockerEngine : IImageStore, IDisposable
{
    private readonly DockerClient _client;

    private DockerEngine(DockerClient client, Uri endpoint)
    {
        _client = client;
        Endpoint = endpoint;
    }

    /// <summary>Where the engine answers.</summary>
    public Uri Endpoint { get; }

    internal DockerClient Client => _client;

    /// <summary>Connects to the engine and checks it answers; <see cref="EngineUnavailableException"/> says why not.</summary>
    public static async Task<DockerEngine> ConnectAsync(CancellationToken cancellationToken)
    {
        IDockerEndpointAuthenticationConfiguration? endpoint;
        try
        {
            endpoint = TestcontainersSettings.OS.DockerEndpointAuthConfig;
        }
        catch (Exception e) when (e is DockerUnavailableException or DotNet.Testcontainers.Builders.DockerConfigurationException or Docker.DotNet.DockerConfigurationException)
        {
            throw new EngineUnavailableException(FirstLine(e.Message), e);
        }
        if (endpoint is null)
            throw new EngineUnavailableException("no Docker engine was found (DOCKER_HOST is unset and there is no /var/run/docker.sock)");
        var client = endpoint.GetDockerClientBuilder(Guid.NewGuid()).Build();
        var engine = new DockerEngine(client, endpoint.Endpoint);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await client.System.PingAsync(timeout.Token);
            return engine;
        }
        catch (Exception e) when (e is HttpRequestException or DockerApiException or IOException or TimeoutException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            engine.Dispose();
            throw new EngineUnavailableException($"the Docker engine at {endpoint.Endpoint} does not answer ({FirstLine(e.Message)})", e);
        }
    }

    /// <summary>The engine for people: <c>Podman Engine 4.3.1 at unix:///run/podman.sock</c>.</summary>
    public async Task<string> DescribeAsync(CancellationToken cancellationToken)
    {
        var version = await _client.System.GetVersionAsync(cancellationToken);
        var name = version.Components?.FirstOrDefault()?.Name ?? "Docker Engine";
        return $"{name} {version.Version} at {Endpoint}";
    }

    /// <summary>The image when the engine has it, else null.</summary>
    public async Task<EngineImage?> FindImageAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            var found = await _client.Images.InspectImageAsync(image, cancellationToken);
            return new EngineImage(found.ID, found.Config?.Labels ?? new Dictionary<string, string>());
        }
        catch (DockerImageNotFoundException)
        {
            return null;
        }
        catch (DockerApiException e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Pulls an image; null when it came, else why not (the registry's or the engine's words).</summary>
    public async Task<string?> PullAsync(string image, CancellationToken cancellationToken)
    {
        // A reference pinned by digest (repository@sha256:…) is pulled as a whole, with no tag.
        var (repository, tag) = image.Contains('@', StringComparison.Ordinal) ? (image, null) : Split(image);
        var failure = new Failure();
        try
        {
            await _client.Images.CreateImageAsync(new ImagesCreateParameters { FromImage = repository, Tag = tag }, null, failure, cancellationToken);
        }
        catch (DockerApiException e)
        {
            return FirstLine(e.ResponseBody is { Length: > 0 } body ? body : e.Message);
        }
        if (failure.Message is { } message)
            return message;
        return await FindImageAsync(image, cancellationToken) is null ? "the engine reported no error but does not have the image" : null;
    }

    /// <summary>Deletes an image an image built here replaced (and its untagged parents); one still in use stays.</summary>
    public async Task DeleteReplacedAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await _client.Images.DeleteImageAsync(id, new ImageDeleteParameters(), cancellationToken);
        }
        catch (DockerApiException)
        {
            // in use by a container, or gone already: it is only space
        }
    }

    /// <summary>Reads a JSON message stream (pull, import, build) and keeps its first error.</summary>
    internal sealed class Failure(Action<string>? onLine = null) : IProgress<JSONMessage>
    {
        public string? Message { get; private set; }

        public void Report(JSONMessage value)
        {
            if (value.Error?.Message is { Length: > 0 } error)
                Message ??= FirstLine(error);
            else if (value.Stream is { Length: > 0 } line && !string.IsNullOrWhiteSpace(line))
                onLine?.Invoke(line.TrimEnd());
        }
    }

    internal static (string Repository, string? Tag) Split(string image)
    {
        var colon = image.LastIndexOf(':');
        return colon > image.LastIndexOf('/') ? (image[..colon], image[(colon + 1)..]) : (image, "latest");
    }

    internal static string FirstLine(string text) => text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? text;

    public void Dispose() => _client.Dispose();
}

/// <summary>No Docker engine answers; the message says why and how to start one.</summary>
public sealed class EngineUnavailableException(string reason, Exception? inner = null)
    : Exception(reason + ". Start Docker, or Podman's Docker API ('podman system service --time=0 unix:///run/podman/podman.sock &' " +
                "then DOCKER_HOST=unix:///run/podman/podman.sock); README: 'Run container targets'.", inner)
{
    /// <summary>Why no engine answers, without the advice.</summary>
    public string Reason { get; } = reason;
}
