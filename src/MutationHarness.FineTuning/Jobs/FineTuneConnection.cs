namespace MutationHarness.FineTuning.Jobs;

/// <summary>Where the files and fine-tuning API lives and how to reach it.</summary>
/// <param name="Endpoint">The API base, such as <c>https://api.openai.com/v1</c> or any compatible server.</param>
/// <param name="ApiKey">The key sent as the bearer token.</param>
public sealed record FineTuneConnection(Uri Endpoint, string ApiKey)
{
    /// <summary>The public API, used when no endpoint is given.</summary>
    public static Uri PublicEndpoint { get; } = new("https://api.openai.com/v1");

    /// <summary>Retries of a request the server answered 429 (any request) or 408/5xx (reads only), honouring Retry-After.</summary>
    public int MaxRetries { get; init; } = 5;

    /// <summary>The network deadline of one request; uploads of large files need minutes.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Called with a line to show the user when a request is retried.</summary>
    public Action<string>? OnRetry { get; init; }
}
