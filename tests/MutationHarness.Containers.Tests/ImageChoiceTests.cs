using MutationHarness.Containers;
using MutationHarness.Databases.Targets;

namespace MutationHarness.Containers.Tests;

/// <summary>Which image a container target runs under each <c>--pull</c>, against an engine that has, can pull, or lacks each image.</summary>
public sealed class ImageChoiceTests
{
    private const string Official = "docker.io/library/mariadb:11.8";
    private const string Local = "docker.io/mutationharness/mariadb:11.8";

    [Fact]
    public async Task Missing_runs_the_official_image_the_engine_has_without_pulling()
    {
        var engine = new Engine(has: [Official, Local]);

        var choice = await ChooseAsync(engine, "container:mariadb:11.8", ImagePull.Missing);

        Assert.Equal((Official, false), (choice.Image, choice.Local));
        Assert.Empty(engine.Pulled);
    }

    [Fact]
    public async Task Missing_pulls_the_official_image_and_runs_it_when_the_pull_works()
    {
        var engine = new Engine(has: [Local], pullable: [Official]);

        var choice = await ChooseAsync(engine, "container:mariadb:11.8", ImagePull.Missing);

        Assert.Equal((Official, false), (choice.Image, choice.Local));
        Assert.Equal([Official], engine.Pulled);
        Assert.Contains("pulled", choice.Account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_falls_back_to_the_local_image_when_the_pull_fails_and_says_why()
    {
        var engine = new Engine(has: [Local]);

        var choice = await ChooseAsync(engine, "container:mariadb:11.8", ImagePull.Missing);

        Assert.Equal((Local, true), (choice.Image, choice.Local));
        Assert.Contains("MariaDB 11.8.9-test", choice.Account, StringComparison.Ordinal);
        Assert.Contains("could not be pulled (no registry here)", choice.Account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Never_uses_the_local_image_without_trying_to_pull()
    {
        var engine = new Engine(has: [Local], pullable: [Official]);

        var choice = await ChooseAsync(engine, "container:mariadb:11.8.2", ImagePull.Never);

        Assert.Equal((Local, true), (choice.Image, choice.Local));
        Assert.Empty(engine.Pulled);
        Assert.Contains("--pull is never", choice.Account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Always_pulls_even_an_image_the_engine_has_and_never_falls_back()
    {
        var present = new Engine(has: [Official], pullable: [Official]);
        Assert.Equal(Official, (await ChooseAsync(present, "container:mariadb:11.8", ImagePull.Always)).Image);
        Assert.Equal([Official], present.Pulled);

        var offline = new Engine(has: [Official, Local]);
        var error = await Assert.ThrowsAsync<TargetStartException>(() => ChooseAsync(offline, "container:mariadb:11.8", ImagePull.Always));
        Assert.Contains("--pull always never falls back to mutationharness/mariadb:11.8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_image_at_all_the_error_says_how_to_build_one_or_why_none_can_be()
    {
        var empty = new Engine(has: []);

        var buildable = await Assert.ThrowsAsync<TargetStartException>(() => ChooseAsync(empty, "container:mariadb:11.8", ImagePull.Missing));
        var series106 = await Assert.ThrowsAsync<TargetStartException>(() => ChooseAsync(empty, "container:mariadb:10.6", ImagePull.Never));
        var mysql = await Assert.ThrowsAsync<TargetStartException>(() => ChooseAsync(empty, "container:mysql", ImagePull.Missing));

        Assert.Contains("'harness servers image mariadb:11.8'", buildable.Message, StringComparison.Ordinal);
        Assert.Contains("No Debian release carries MariaDB 10.6", series106.Message, StringComparison.Ordinal);
        Assert.Contains("Load mysql:8.0.40 into the engine", mysql.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "10.11")]
    [InlineData("11.8", "11.8")]
    [InlineData("11.8.3", "11.8")]
    [InlineData("10.5-focal", "10.5")]
    [InlineData("10.1", null)]
    [InlineData("10.6", null)]
    [InlineData("latest", null)]
    public void A_tag_belongs_to_the_Debian_series_it_names(string? tag, string? series) =>
        Assert.Equal(series, ImageChoice.SeriesOf(tag)?.Version);

    private static Task<ImageChoice> ChooseAsync(Engine engine, string target, ImagePull pull) =>
        ImageChoice.ChooseAsync(engine, TargetSpec.Parse(target), pull, TestContext.Current.CancellationToken);

    private sealed class Engine(string[] has, string[]? pullable = null) : IImageStore
    {
        private readonly HashSet<string> _has = [.. has];

        public List<string> Pulled { get; } = [];

        public Task<EngineImage?> FindImageAsync(string image, CancellationToken cancellationToken) =>
            Task.FromResult(_has.Contains(image)
                ? new EngineImage("sha256:" + image.Length, new Dictionary<string, string> { ["org.mutationharness.server"] = "11.8.9-test" })
                : null);

        public Task<string?> PullAsync(string image, CancellationToken cancellationToken)
        {
            if (pullable?.Contains(image) != true)
                return Task.FromResult<string?>("no registry here");
            Pulled.Add(image);
            _has.Add(image);
            return Task.FromResult<string?>(null);
        }
    }
}
