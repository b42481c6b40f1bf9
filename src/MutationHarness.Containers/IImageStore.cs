namespace MutationHarness.Containers;

/// <summary>What choosing an image asks of an engine: does it have the image, and can it pull it.</summary>
internal interface IImageStore
{
    /// <summary>The image when the engine has it, else null.</summary>
    Task<EngineImage?> FindImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>Pulls an image; null when it came, else why not.</summary>
    Task<string?> PullAsync(string image, CancellationToken cancellationToken);
}

/// <summary>An image the engine has: its id and labels.</summary>
internal sealed record EngineImage(string Id, IDictionary<string, string> Labels);
