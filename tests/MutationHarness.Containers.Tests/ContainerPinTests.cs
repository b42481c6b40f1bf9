using MutationHarness.Containers;

namespace MutationHarness.Containers.Tests;

public sealed class ContainerPinTests
{
    [Fact]
    public void The_compose_file_runs_the_same_images_as_container_targets()
    {
        var compose = File.ReadAllText(Path.Combine(FindRepository(), "docker", "compose.yaml"));

        Assert.Contains($"image: {ContainerImages.MySql}", compose, StringComparison.Ordinal);
        Assert.Contains($"image: {ContainerImages.MariaDb}", compose, StringComparison.Ordinal);
        Assert.Contains($"image: {ContainerImages.TiDb}", compose, StringComparison.Ordinal);
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MutationHarness.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("the repository root (MutationHarness.sln) was not found above the test binaries");
    }
}
