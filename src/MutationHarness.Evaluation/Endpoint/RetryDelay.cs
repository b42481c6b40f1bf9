using System.ClientModel.Primitives;
using System.Globalization;

namespace MutationHarness.Evaluation;

/// <summary>How long to wait before a retry: the server's Retry-After when it sends one, else an exponential back-off.</summary>
internal static class RetryDelay
{
    private static readonly TimeSpan s_longest = TimeSpan.FromSeconds(60);

    public static bool IsRetryable(int status) => status is 0 or 408 or 409 or 429 or >= 500;

    public static TimeSpan For(PipelineResponse? response, int attempt, TimeSpan firstBackoff)
    {
        if (response is not null && FromHeaders(response) is { } asked)
            return asked > s_longest ? s_longest : asked;
        var backoff = firstBackoff.TotalMilliseconds * Math.Pow(2, attempt - 1);
        // Jitter keeps parallel requests that failed together from retrying together.
        var jittered = backoff * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, s_longest.TotalMilliseconds));
    }

    private static TimeSpan? FromHeaders(PipelineResponse response)
    {
        // OpenAI sends retry-after-ms as well as the standard header; the finer one wins.
        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
            return TimeSpan.FromMilliseconds(milliseconds);
        if (!response.Headers.TryGetValue("Retry-After", out var value) || value is null)
            return null;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            var wait = at - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }
}
