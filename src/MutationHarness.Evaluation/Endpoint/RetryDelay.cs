using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;

namespace MutationHarness.Evaluation;

/// <summary>Which failed requests are worth another try, and how long the server asked us to wait before it.</summary>
internal static class RetryDelay
{
    public static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);

    /// <summary>429, 408, 409, 5xx and a request lost on the network (status 0) are retried; other answers are final.</summary>
    public static bool IsRetryable(int status) => status is 0 or 408 or 409 or 429 or >= 500;

    /// <summary>True when the failure means nothing answered at all (no route, refused, name not found).</summary>
    public static bool IsUnreachable(Exception exception) =>
        exception is HttpRequestException || exception is ClientResultException { Status: 0 };

    /// <summary>The wait a failed response asks for (Retry-After, or OpenAI's retry-after-ms), capped; null when it asks none.</summary>
    public static TimeSpan? AskedBy(Exception? exception) =>
        exception is ClientResultException e && e.GetRawResponse() is { } response && FromHeaders(response) is { } asked
            ? asked > Longest ? Longest : asked
            : null;

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
