using MutationHarness.Databases.Local.Versions;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Containers;

/// <summary>The image a container target runs, and why that one.</summary>
/// <param name="Image">What the engine starts, fully qualified (<see cref="ContainerImages.Qualified"/>).</param>
/// <param name="Local">True for an image built here by <c>harness servers image</c> rather than the official one.</param>
/// <param name="Account">Which image and why, for people.</param>
public sealed record ImageChoice(string Image, bool Local, string Account)
{
    /// <summary>Picks the image of <c>container:&lt;flavor&gt;[:tag]</c>: the official one when the engine has it or (unless
    /// <see cref="ImagePull.Never"/>) can pull it; for MariaDB else the local <c>mutationharness/mariadb:&lt;series&gt;</c> when the
    /// engine has it (never with <see cref="ImagePull.Always"/>). <see cref="TargetStartException"/> says what to do when none.</summary>
    internal static async Task<ImageChoice> ChooseAsync(IImageStore store, TargetSpec spec, ImagePull pull, CancellationToken cancellationToken)
    {
        var official = ContainerImages.For(spec.Flavor, spec.Tag);
        var qualified = ContainerImages.Qualified(official);
        string why;
        if (pull != ImagePull.Always && await store.FindImageAsync(qualified, cancellationToken) is not null)
            return new(qualified, false, $"{official} (official, in the engine)");
        if (pull == ImagePull.Never)
        {
            why = $"the official {official} is not in the engine and --pull is never";
        }
        else
        {
            var failure = await store.PullAsync(qualified, cancellationToken);
            if (failure is null)
                return new(qualified, false, $"{official} (official, pulled)");
            why = $"the official {official} could not be pulled ({failure})";
        }

        var series = spec.Flavor == ServerFlavor.MariaDb ? SeriesOf(spec.Tag) : null;
        var local = series is null ? null : LocalMariaDbImage.NameOf(series);
        if (local is not null && pull != ImagePull.Always && await store.FindImageAsync(ContainerImages.Qualified(local), cancellationToken) is { } image)
        {
            var server = LocalMariaDbImage.ServerVersionOf(image.Labels) is { } version ? $"MariaDB {version}" : "MariaDB " + series!.Version;
            return new(ContainerImages.Qualified(local), true, $"{local} (built here by 'harness servers image' from {series!.Source}'s {server}): {why}");
        }
        throw new TargetStartException(spec.DisplayName, why + ". " + Advice(spec, official, local, series, pull));
    }

    private static string Advice(TargetSpec spec, string official, string? local, MariaDbRelease? series, ImagePull pull)
    {
        if (local is not null && pull == ImagePull.Always)
            return $"--pull always never falls back to {local}; use --pull missing (the default) or never to run it.";
        if (local is not null)
            return $"Build {local} with no registry: 'harness servers image mariadb:{series!.Version}' (the engine must be the one DOCKER_HOST names).";
        if (spec.Flavor == ServerFlavor.MariaDb)
            return $"No Debian release carries MariaDB {spec.Tag}, so it cannot be built here: load {official} into the engine " +
                   $"('docker save' where a registry is reachable, 'docker load' here), or use a connection string.";
        return $"Load {official} into the engine ('docker save' where a registry is reachable, 'docker load' here), or use a connection string.";
    }

    /// <summary>The Debian-built series a MariaDB tag belongs to: <c>11.8</c> and <c>11.8.3</c> are 11.8; no tag is the pinned 10.11.</summary>
    internal static MariaDbRelease? SeriesOf(string? tag)
    {
        var version = tag ?? ContainerImages.MariaDb[(ContainerImages.MariaDb.LastIndexOf(':') + 1)..];
        return MariaDbRelease.All.FirstOrDefault(r => r.Available
            && (version == r.Version || version.StartsWith(r.Version + ".", StringComparison.Ordinal) || version.StartsWith(r.Version + "-", StringComparison.Ordinal)));
    }
}
