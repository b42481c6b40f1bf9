using System.Globalization;

namespace MutationHarness.Core.Http;

/// <summary>How long a server asked a client to wait before trying again.</summary>
public static class RetryAfter
{
    /// <summary>
    /// Reads <c>retry-after-ms</c> (OpenAI's finer header, which wins) or <c>Retry-After</c> (seconds or an
    /// HTTP date); null when neither is there or readable.
    /// </summary>
    /// <param name="header">Looks a response header up by name (case-insensitive), null when absent.</param>
    public static TimeSpan? Read(Func<string, string?> header)
    {
        if (Number(header("retry-after-ms")) is { } milliseconds)
            return TimeSpan.FromMilliseconds(milliseconds);
        var value = header("Retry-After");
        if (Number(value) is { } seconds)
            return TimeSpan.FromSeconds(seconds);
        if (value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at > DateTimeOffset.UtcNow ? at - DateTimeOffset.UtcNow : TimeSpan.Zero;
        return null;
    }

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && double.IsFinite(value) ? value : null;
}
