using System.ClientModel.Primitives;
using MutationHarness.Core.Http;

namespace MutationHarness.FineTuning.Jobs;

/// <summary>
/// The SDK's retry policy, narrowed for money: a 429 is retried for every request (the server did
/// nothing), but a POST that failed with 5xx or a broken connection is not, since the server may
/// have created the job or stored the file; reads are retried as the SDK does. The wait is the
/// server's Retry-After (the SDK's own policy ignores OpenAI's retry-after-ms), else the SDK's
/// back-off; each retry is reported.
/// </summary>
internal sealed class FineTuneRetryPolicy : ClientRetryPolicy
{
    private const int TooManyRequests = 429;
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(60);
    private readonly Action<string>? _onRetry;
    private readonly int _maxRetries;

    public FineTuneRetryPolicy(int maxRetries, Action<string>? onRetry)
        : base(maxRetries)
    {
        _maxRetries = maxRetries;
        _onRetry = onRetry;
    }

    protected override bool ShouldRetry(PipelineMessage message, Exception? exception) =>
        IsSafe(message) && base.ShouldRetry(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(PipelineMessage message, Exception? exception) =>
        IsSafe(message) ? base.ShouldRetryAsync(message, exception) : ValueTask.FromResult(false);

    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        var asked = message.Response is { } answer
            ? RetryAfter.Read(name => answer.Headers.TryGetValue(name, out var value) ? value : null)
            : null;
        var delay = asked is { } wait ? (wait > Longest ? Longest : wait) : base.GetNextDelay(message, tryCount);
        var what = message.Response is { } response ? $"HTTP {response.Status}" : "no answer";
        _onRetry?.Invoke($"{message.Request.Method} {message.Request.Uri?.AbsolutePath}: {what}; retry {tryCount} of {_maxRetries} in {delay.TotalSeconds:0.###} s");
        return delay;
    }

    private static bool IsSafe(PipelineMessage message) =>
        message.Request.Method != "POST" || message.Response?.Status == TooManyRequests;
}
