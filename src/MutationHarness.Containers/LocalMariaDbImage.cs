using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Pipes;
using System.Security.Cryptography;
using System.Text;
using Docker.DotNet.Models;
using MutationHarness.Databases.Local;
using MutationHarness.Databases.Local.Versions;

namespace MutationHarness.Containers;

/// <summary>A MariaDB image built with no registry: the provisioned Debian root of a series imported into the engine, finished
/// by <c>docker/mariadb-local/Dockerfile</c> (an account for the server, its settings, an entrypoint that honours the official
/// image's variables, a health check), tagged <c>mutationharness/mariadb:&lt;version&gt;</c>.</summary>
public static class LocalMariaDbImage
{
    /// <summary>The repository of the images built here.</summary>
    public const string Repository = "mutationharness/mariadb";

    private const string RecipeLabel = "org.mutationharness.recipe";
    private const string ServerLabel = "org.mutationharness.server";
    private static readonly string[] ContextFiles = ["Dockerfile", "entrypoint.sh", "server.cnf"];

    /// <summary>The image of a series: <c>mutationharness/mariadb:11.8</c>.</summary>
    public static string NameOf(MariaDbRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return $"{Repository}:{release.Version}";
    }

    /// <summary>The imported root the image is built on.</summary>
    internal static string RootNameOf(MariaDbRelease release) => $"{Repository}-root:{release.Version}";

    /// <summary>Builds the image of a series (provisioning its root first when missing), unless the engine already has one
    /// built from the same root and the same recipe; <paramref name="rebuild"/> builds it anyway.</summary>
    public static async Task<BuiltImage> BuildAsync(MariaDbRelease release, bool rebuild, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(log);
        using var engine = await DockerEngine.ConnectAsync(cancellationToken);
        var root = await ServerRoots.EnsureAsync(release, log, cancellationToken);
        var recipe = Recipe(root);
        var name = NameOf(release);
        await using var buildLock = await FileLock.AcquireAsync(Path.Combine(ServerRoots.Directory, $"mariadb-{release.Version}.image.lock"),
            TimeSpan.FromMinutes(30), cancellationToken);
        var rootImage = RootNameOf(release);
        var previous = await engine.FindImageAsync(ContainerImages.Qualified(name), cancellationToken);
        if (!rebuild && previous is not null && previous.Labels.TryGetValue(RecipeLabel, out var built) && built == recipe)
            return new BuiltImage(name, root.ServerVersion, Built: false, TimeSpan.Zero);
        var previousRoot = await engine.FindImageAsync(ContainerImages.Qualified(rootImage), cancellationToken);

        var clock = Stopwatch.StartNew();
        log($"building {name} on {await engine.DescribeAsync(cancellationToken)}: importing {root.Directory} (MariaDB {root.ServerVersion}) …");
        var bytes = await ImportAsync(engine, root.Directory, rootImage, cancellationToken);
        log($"  imported {ServerRoots.Megabytes(bytes)} as {rootImage} in {clock.Elapsed.TotalSeconds:0} s; finishing the image …");
        await FinishAsync(engine, rootImage, name, new Dictionary<string, string> { [RecipeLabel] = recipe, [ServerLabel] = root.ServerVersion }, cancellationToken);
        // The images this build replaced are untagged now: each is a root's worth of space.
        var current = new[] { name, rootImage }.Select(async image => (await engine.FindImageAsync(ContainerImages.Qualified(image), cancellationToken))?.Id);
        var kept = (await Task.WhenAll(current)).ToHashSet();
        foreach (var replaced in new[] { previous, previousRoot }.OfType<EngineImage>().Where(i => !kept.Contains(i.Id)))
            await engine.DeleteReplacedAsync(replaced.Id, cancellationToken);
        return new BuiltImage(name, root.ServerVersion, Built: true, clock.Elapsed);
    }

    /// <summary>The images of the known series the engine has (series → the MariaDB they hold), or null when no engine answers.</summary>
    public static async Task<IReadOnlyDictionary<string, string>?> BuiltAsync(CancellationToken cancellationToken)
    {
        DockerEngine engine;
        try
        {
            engine = await DockerEngine.ConnectAsync(cancellationToken);
        }
        catch (EngineUnavailableException)
        {
            return null;
        }
        using (engine)
        {
            var built = new Dictionary<string, string>();
            foreach (var release in MariaDbRelease.All.Where(r => r.Available))
            {
                if (await engine.FindImageAsync(ContainerImages.Qualified(NameOf(release)), cancellationToken) is { } image)
                    built[release.Version] = ServerVersionOf(image.Labels) ?? "";
            }
            return built;
        }
    }

    /// <summary>The server version the engine's image of a series says it holds, or null when the engine has no such image.</summary>
    internal static string? ServerVersionOf(IDictionary<string, string> labels) => labels.TryGetValue(ServerLabel, out var version) ? version : null;

    private static async Task<long> ImportAsync(DockerEngine engine, string root, string image, CancellationToken cancellationToken)
    {
        // The tar streams straight into the request: no copy of the root on disk.
        using var writing = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reading = new AnonymousPipeClientStream(PipeDirection.In, writing.ClientSafePipeHandle);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var archive = Task.Run(async () =>
        {
            try
            {
                return await RootArchive.WriteAsync(root, writing, stop.Token);
            }
            finally
            {
                writing.Dispose(); // the end of the stream ends the request body
            }
        }, CancellationToken.None);
        var failure = new DockerEngine.Failure();
        try
        {
            await engine.Client.Images.CreateImageAsync(new ImagesCreateParameters { FromSrc = "-", Repo = image }, reading, null, failure, stop.Token);
        }
        catch
        {
            await stop.CancelAsync();
            await Task.WhenAny(archive);
            throw;
        }
        var bytes = await archive;
        if (failure.Message is { } message)
            throw new ImageBuildException(image, "the engine refused the root: " + message);
        return bytes;
    }

    private static async Task FinishAsync(DockerEngine engine, string rootImage, string name, IDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        using var context = new MemoryStream();
        await using (var tar = new TarWriter(context, TarEntryFormat.Pax, leaveOpen: true))
        {
            foreach (var file in ContextFiles)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, file)
                {
                    Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead
                           | (file.EndsWith(".sh", StringComparison.Ordinal) ? UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute : 0),
                    DataStream = new MemoryStream(Resource(file)),
                };
                await tar.WriteEntryAsync(entry, cancellationToken);
            }
        }
        context.Position = 0;
        var failure = new DockerEngine.Failure();
        await engine.Client.Images.BuildImageFromDockerfileAsync(new ImageBuildParameters
        {
            Tags = [name],
            BuildArgs = new Dictionary<string, string> { ["ROOT"] = ContainerImages.Qualified(rootImage) },
            Labels = labels,
            Remove = true,
            ForceRemove = true,
        }, context, null, null, failure, cancellationToken);
        if (failure.Message is { } message)
            throw new ImageBuildException(name, "the build failed: " + message);
        if (await engine.FindImageAsync(ContainerImages.Qualified(name), cancellationToken) is null)
            throw new ImageBuildException(name, "the build reported no error, but the engine has no such image.");
    }

    // What the image is made of: the build's files and the root (a root provisioned again makes a new image).
    private static string Recipe(ServerRoot root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in ContextFiles)
            hash.AppendData(Resource(file));
        hash.AppendData(Encoding.UTF8.GetBytes($"{root.ServerVersion}\n{root.Provisioned:O}"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    private static byte[] Resource(string file)
    {
        using var stream = typeof(LocalMariaDbImage).Assembly.GetManifestResourceStream("mariadb-local/" + file)
            ?? throw new InvalidOperationException($"the build file mariadb-local/{file} is not embedded in {typeof(LocalMariaDbImage).Assembly.GetName().Name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>An image <see cref="LocalMariaDbImage.BuildAsync"/> made or found up to date.</summary>
/// <param name="Name">Its tag.</param>
/// <param name="ServerVersion">The MariaDB it holds.</param>
/// <param name="Built">False when the engine's image was already up to date.</param>
/// <param name="Elapsed">How long building took.</param>
public sealed record BuiltImage(string Name, string ServerVersion, bool Built, TimeSpan Elapsed);

/// <summary>An image could not be built; the message says why.</summary>
public sealed class ImageBuildException(string image, string reason) : Exception($"{image}: {reason}")
{
    /// <summary>The image that was being built.</summary>
    public string Image { get; } = image;
}
