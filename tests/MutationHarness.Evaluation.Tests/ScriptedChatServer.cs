using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MutationHarness.TestSupport;

namespace MutationHarness.Evaluation.Tests;

/// <summary>What the scripted server does with one request: a status, an answer, a delay, extra headers.</summary>
public sealed record ScriptedReply(int Status, string? Content, TimeSpan Delay = default, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static ScriptedReply Answer(string content) => new(200, content);
}

/// <summary>An OpenAI-compatible chat endpoint on loopback whose answers a test scripts by the user message; it counts requests.</summary>
public sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly Func<string, int, ScriptedReply> _script;
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<JsonNode> _bodies = new();
    private int _requests;

    /// <param name="script">The reply to a user message on its n-th request (1-based).</param>
    public ScriptedChatServer(Func<string, int, ScriptedReply> script)
    {
        _script = script;
        _server = new LoopbackHttpServer(ServeAsync);
    }

    /// <summary>The API base to give the SDK.</summary>
    public Uri Endpoint => _server.Endpoint;

    /// <summary>Every request received, retries included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests received for one user message.</summary>
    public int RequestsFor(string userMessage) => _attempts.GetValueOrDefault(userMessage);

    /// <summary>The JSON bodies the SDK sent.</summary>
    public IReadOnlyCollection<JsonNode> Bodies => _bodies;

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            Interlocked.Increment(ref _requests);
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = JsonNode.Parse(await reader.ReadToEndAsync())!;
            _bodies.Enqueue(body);
            var user = body["messages"]!.AsArray().Last(m => (string?)m!["role"] == "user")!["content"]!.GetValue<string>();
            var attempt = _attempts.AddOrUpdate(user, 1, (_, n) => n + 1);
            var reply = _script(user, attempt);
            if (reply.Delay > TimeSpan.Zero)
                await Task.Delay(reply.Delay, _server.Stopping);
            await WriteAsync(context.Response, reply, (string?)body["model"] ?? "model");
        }
        catch (Exception) when (_server.Stopping.IsCancellationRequested)
        {
        }
        catch (HttpListenerException)
        {
            // The client gave up (its timeout) before the answer was written.
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, ScriptedReply reply, string model)
    {
        response.StatusCode = reply.Status;
        response.ContentType = "application/json";
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
            response.Headers[name] = value;
        var json = reply.Status == 200
            ? JsonSerializer.Serialize(new
            {
                id = "chatcmpl-test",
                @object = "chat.completion",
                created = 1_700_000_000,
                model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Content }, finish_reason = "stop" } },
                usage = new { prompt_tokens = 10, completion_tokens = 10, total_tokens = 20 },
            })
            : JsonSerializer.Serialize(new { error = new { message = $"scripted {reply.Status}", type = "scripted", code = (string?)null } });
        var bytes = Encoding.UTF8.GetBytes(json);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
