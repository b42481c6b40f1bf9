using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Images;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Containers;

/// <summary>Ryuk, Testcontainers' resource reaper, removes a run's containers when the run dies; it is itself a container,
/// so it needs its image. With no registry that image cannot be had: then, and only then, Ryuk is turned off (the
/// <see cref="ContainerJanitor"/> cleans up instead) rather than failing every container start.</summary>
internal static class ReaperChoice
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static bool s_decided;

    /// <summary>Decides once per process, before the first container starts.</summary>
    public static async Task DecideAsync(IImageStore store, ImagePull pull, Action<string> log, CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            if (s_decided || !TestcontainersSettings.ResourceReaperEnabled)
                return; // decided, or turned off by the user (TESTCONTAINERS_RYUK_DISABLED)
            // Pinned in one place with the others; Testcontainers pins the same when none is set.
            TestcontainersSettings.ResourceReaperImage ??= new DockerImage(ContainerImages.Qualified(ContainerImages.Ryuk));
            var image = TestcontainersSettings.ResourceReaperImage.FullName;
            var why = await store.FindImageAsync(image, cancellationToken) is not null ? null
                : pull == ImagePull.Never ? "is not in the engine and --pull is never"
                : await store.PullAsync(image, cancellationToken) is { } failure ? $"cannot be pulled ({failure})"
                : null;
            if (why is not null)
            {
                TestcontainersSettings.ResourceReaperEnabled = false;
                log($"Ryuk ({image}) is off: its image {why}. The harness removes its own containers when it exits.");
            }
            s_decided = true;
        }
        finally
        {
            Gate.Release();
        }
    }
}
