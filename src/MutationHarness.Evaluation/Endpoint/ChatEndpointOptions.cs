namespace MutationHarness.Evaluation;

/// <summary>How to ask an OpenAI-compatible chat endpoint for answers.</summary>
public sealed record ChatEndpointOptions
{
    /// <summary>The API base, e.g. <c>https://api.openai.com/v1</c> or <c>http://localhost:8000/v1</c>.</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>The model name sent with every request.</summary>
    public required string Model { get; init; }

    /// <summary>The API key; local servers that need none accept any text.</summary>
    public required string ApiKey { get; init; }

    /// <summary>Requests in flight at once.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>Retries of a request answered with 429 or 5xx, or lost on the network, before the example fails.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The deadline of one request; past it the example fails with a timeout (it is not retried).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The first back-off delay; it doubles with every retry (a Retry-After header wins).</summary>
    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The JSONL response cache, read first and appended to as answers arrive; none when null.</summary>
    public string? CachePath { get; init; }

    /// <summary>Checks the values and throws <see cref="ArgumentException"/> on a bad one.</summary>
    public ChatEndpointOptions Validate()
    {
        if (Concurrency < 1)
            throw new ArgumentException("the concurrency must be at least 1", nameof(Concurrency));
        if (MaxRetries < 0)
            throw new ArgumentException("the retry count must be 0 or more", nameof(MaxRetries));
        if (RequestTimeout <= TimeSpan.Zero)
            throw new ArgumentException("the request timeout must be positive", nameof(RequestTimeout));
        if (string.IsNullOrWhiteSpace(Model))
            throw new ArgumentException("a model name is needed", nameof(Model));
        return this;
    }
}
