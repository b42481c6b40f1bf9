using System.ClientModel;
using System.ClientModel.Primitives;
using MutationHarness.Core.Chat;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.CircuitBreaker;

namespace MutationHarness.Evaluation;

/// <summary>Answers generated now by an OpenAI-compatible chat endpoint through the OpenAI SDK, with a response cache.</summary>
public sealed class ChatEndpointSource : IAnswerSource, IAsyncDisposable
{
    private readonly ChatEndpointOptions _options;
    private readonly ChatClient _client;
    private readonly ResponseCache? _cache;
    private readonly SemaphoreSlim _slots;
    private readonly ResiliencePipeline _resilience;
    private int _requests;
    private int _answered;
    private int _unreachable;

    private ChatEndpointSource(ChatEndpointOptions options, ResponseCache? cache)
    {
        _options = options;
        _cache = cache;
        _slots = new SemaphoreSlim(options.Concurrency);
        _resilience = EndpointResilience.Build(options);
        _client = new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey), new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            // Retries are ours (EndpointResilience), so that a 429 honours Retry-After and every attempt is counted.
            RetryPolicy = new ClientRetryPolicy(0),
            // The per-request deadline is ours too; the SDK's network timeout only backs it up.
            NetworkTimeout = options.RequestTimeout + TimeSpan.FromSeconds(30),
        });
    }

    /// <inheritdoc />
    public string Description => $"{_options.Model} at {WithoutCredentials(_options.Endpoint)}";

    // An endpoint given as https://user:secret@host/… prints without its user information.
    private static string WithoutCredentials(Uri endpoint) =>
        endpoint.IsAbsoluteUri && endpoint.UserInfo.Length > 0 ? new UriBuilder(endpoint) { UserName = "", Password = "" }.Uri.ToString() : endpoint.ToString();

    /// <summary>How many HTTP requests were sent, retries included (cached answers send none).</summary>
    public int RequestsSent => Volatile.Read(ref _requests);

    /// <summary>How many examples got an answer (from the cache or a request).</summary>
    public int Answered => Volatile.Read(ref _answered);

    /// <summary>How many examples got no answer because the endpoint could not be reached at all.</summary>
    public int Unreachable => Volatile.Read(ref _unreachable);

    /// <summary>How many answers the cache held when it was opened, plus those added since.</summary>
    public int CachedAnswers => _cache?.Count ?? 0;

    /// <summary>Opens the endpoint client and reads the response cache, if one is named.</summary>
    public static async Task<ChatEndpointSource> OpenAsync(ChatEndpointOptions options, CancellationToken cancellationToken)
    {
        options.Validate();
        var cache = options.CachePath is null ? null : await ResponseCache.OpenAsync(options.CachePath, cancellationToken);
        return new ChatEndpointSource(options, cache);
    }

    /// <inheritdoc />
    public async Task<ModelAnswer> AnswerAsync(TestExample example, CancellationToken cancellationToken)
    {
        if (example.Prompt.Count == 0)
            return ModelAnswer.Failed("the example has no prompt to send");
        var key = PromptKey.Of(_options.Endpoint, _options.Model, example.Prompt);
        if (_cache is not null && _cache.TryGet(key, out var cached))
        {
            Interlocked.Increment(ref _answered);
            return ModelAnswer.Of(cached, fromCache: true);
        }

        await _slots.WaitAsync(cancellationToken);
        try
        {
            var answer = await AskAsync(ToMessages(example.Prompt), cancellationToken);
            if (answer.Text is not null)
                Interlocked.Increment(ref _answered);
            else if (answer.Unreachable)
                Interlocked.Increment(ref _unreachable);
            if (answer.Text is { } text && _cache is not null)
                await _cache.AddAsync(key, _options.Model, text, cancellationToken);
            return answer;
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<ModelAnswer> AskAsync(List<OpenAI.Chat.ChatMessage> messages, CancellationToken cancellationToken)
    {
        var settings = new ChatCompletionOptions { Temperature = 0 };
        var attempts = 0;
        try
        {
            return await _resilience.ExecuteAsync(async token =>
            {
                attempts++;
                Interlocked.Increment(ref _requests);
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
                deadline.CancelAfter(_options.RequestTimeout);
                try
                {
                    ClientResult<ChatCompletion> result = await _client.CompleteChatAsync(messages, settings, deadline.Token);
                    var text = string.Concat(result.Value.Content
                        .Where(part => part.Kind == ChatMessageContentPartKind.Text)
                        .Select(part => part.Text));
                    return ModelAnswer.Of(text, attempts: attempts);
                }
                catch (OperationCanceledException) when (!token.IsCancellationRequested)
                {
                    // A request past its deadline may still be billed and is likely to be slow again: not retried.
                    return ModelAnswer.Failed($"the request timed out after {_options.RequestTimeout.TotalSeconds:0.###} s", attempts);
                }
            }, cancellationToken);
        }
        catch (BrokenCircuitException)
        {
            return ModelAnswer.Unanswered($"the endpoint could not be reached: {EndpointResilience.FailuresBeforeBreaking} examples " +
                "in a row failed to connect, so the rest were not sent", attempts);
        }
        catch (ClientResultException e)
        {
            var gaveUp = RetryDelay.IsRetryable(e.Status) ? $" (gave up after {attempts} attempts)" : "";
            return RetryDelay.IsUnreachable(e)
                ? ModelAnswer.Unanswered(Describe(e) + gaveUp, attempts)
                : ModelAnswer.Failed(Describe(e) + gaveUp, attempts);
        }
        catch (HttpRequestException e)
        {
            return ModelAnswer.Unanswered($"the endpoint could not be reached: {e.Message} (gave up after {attempts} attempts)", attempts);
        }
    }

    private static string Describe(ClientResultException e)
    {
        var firstLine = e.Message.Split('\n', 2)[0].Trim();
        return e.Status == 0 ? $"the endpoint could not be reached: {firstLine}" : $"HTTP {e.Status}: {firstLine}";
    }

    private static List<OpenAI.Chat.ChatMessage> ToMessages(IReadOnlyList<Core.Chat.ChatMessage> prompt) =>
        prompt.Select(m => m.Role switch
        {
            ChatRoles.System => (OpenAI.Chat.ChatMessage)new SystemChatMessage(m.Content),
            ChatRoles.Assistant => new AssistantChatMessage(m.Content),
            _ => new UserChatMessage(m.Content),
        }).ToList();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_cache is not null)
            await _cache.DisposeAsync();
        _slots.Dispose();
    }
}
