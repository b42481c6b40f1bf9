using System.ClientModel;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace MutationHarness.Evaluation;

/// <summary>The retry and circuit-breaker pipeline every request to the endpoint goes through (Polly).</summary>
/// <remarks>Retries: 429, 408, 409, 5xx and lost requests, with exponential back-off and jitter, a Retry-After header
/// winning. The breaker sits outside the retries: once several examples in a row have exhausted their retries
/// because nothing answers, the rest fail at once as unreachable instead of each waiting through its back-off.</remarks>
internal static class EndpointResilience
{
    /// <summary>Examples that must fail in a row, unreachable, before the breaker opens.</summary>
    public const int FailuresBeforeBreaking = 3;

    public static ResiliencePipeline Build(ChatEndpointOptions options)
    {
        var builder = new ResiliencePipelineBuilder().AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(RetryDelay.IsUnreachable),
            FailureRatio = 1.0,
            MinimumThroughput = FailuresBeforeBreaking,
            SamplingDuration = TimeSpan.FromMinutes(10),
            BreakDuration = TimeSpan.FromMinutes(10),
        });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<ClientResultException>(e => RetryDelay.IsRetryable(e.Status))
                    .Handle<HttpRequestException>(),
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.FirstBackoff,
                MaxDelay = RetryDelay.Longest,
                DelayGenerator = arguments => ValueTask.FromResult(RetryDelay.AskedBy(arguments.Outcome.Exception)),
            });
        }
        return builder.Build();
    }
}
