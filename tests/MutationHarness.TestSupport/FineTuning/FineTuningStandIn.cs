using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace MutationHarness.TestSupport.FineTuning;

/// <summary>
/// A loopback stand-in for the files and fine-tuning endpoints of the OpenAI API: uploads, jobs that
/// move on as they are read (events, checkpoints, a base64 result file), scripted failures, and
/// 429s on demand. It records every request.
/// </summary>
public sealed class FineTuningStandIn : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentDictionary<string, (JsonObject Info, byte[] Content)> _files = new();
    private readonly ConcurrentDictionary<string, StandInJob> _jobs = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentDictionary<string, (int Status, int Left)> _refusals = new();
    private int _ids;

    public FineTuningStandIn(StandInScript? script = null)
    {
        Script = script ?? new StandInScript();
        _server = new LoopbackHttpServer(ServeAsync);
    }

    /// <summary>The API base to give the client.</summary>
    public Uri Endpoint => _server.Endpoint;

    /// <summary>How jobs created from now on behave.</summary>
    public StandInScript Script { get; set; }

    /// <summary>Every request as "METHOD /path?query", in arrival order, 429s included.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>The body of each job creation request.</summary>
    public IReadOnlyList<JsonNode> CreatedJobs => _jobs.Values.OrderBy(j => j.CreatedAt).Select(j => j.Request).ToList();

    /// <summary>The uploaded files' names and contents, by id.</summary>
    public IReadOnlyDictionary<string, (string Name, string Purpose, byte[] Content)> Files =>
        _files.ToDictionary(f => f.Key, f => ((string)f.Value.Info["filename"]!, (string)f.Value.Info["purpose"]!, f.Value.Content));

    /// <summary>Answers the next <paramref name="times"/> requests whose "METHOD /path" starts with <paramref name="prefix"/>
    /// with <paramref name="status"/> and "retry after 5 ms", without acting on them.</summary>
    public void Refuse(string prefix, int status, int times) => _refusals[prefix] = (status, times);

    private async Task ServeAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        var line = $"{request.HttpMethod} {path}{request.Url.Query}";
        _requests.Enqueue(line);
        try
        {
            using var buffer = new MemoryStream();
            await request.InputStream.CopyToAsync(buffer);
            if (TakeRefusal(line) is { } refusal)
            {
                await WriteAsync(context.Response, refusal, Error("scripted", $"scripted {refusal}"), ("retry-after-ms", "5"));
                return;
            }
            var (status, body) = Route(request.HttpMethod, path, request.QueryString, request.ContentType ?? "", buffer.ToArray());
            if (body is byte[] raw)
                await WriteRawAsync(context.Response, status, raw);
            else
                await WriteAsync(context.Response, status, (JsonNode)body);
        }
        catch (HttpListenerException)
        {
            // the client went away
        }
        catch (Exception e) when (!_server.Stopping.IsCancellationRequested)
        {
            await WriteAsync(context.Response, 500, Error("stand_in_bug", e.ToString()));
        }
    }

    private (int Status, object Body) Route(string method, string path, System.Collections.Specialized.NameValueCollection query, string contentType, byte[] body)
    {
        var parts = path.Trim('/').Split('/'); // v1, resource, …
        return (method, parts.Length > 1 ? parts[1] : "", parts.Length) switch
        {
            ("POST", "files", 2) => (200, Upload(contentType, body)),
            ("GET", "files", 3) => _files.TryGetValue(parts[2], out var file) ? (200, file.Info) : NotFound(parts[2]),
            ("GET", "files", 4) when parts[3] == "content" => _files.TryGetValue(parts[2], out var file) ? (200, file.Content) : NotFound(parts[2]),
            ("POST", "fine_tuning", 3) when parts[2] == "jobs" => Create(JsonNode.Parse(body)!),
            ("GET", "fine_tuning", 3) when parts[2] == "jobs" => (200, List(_jobs.Values.OrderByDescending(j => j.CreatedAt).Select(j => j.Read()), hasMore: false)),
            ("GET", "fine_tuning", 4) => WithJob(parts[3], job => job.Read()),
            ("POST", "fine_tuning", 5) when parts[4] == "cancel" => WithJob(parts[3], job => job.Cancel()),
            ("GET", "fine_tuning", 5) when parts[4] == "events" => WithJob(parts[3], job =>
            {
                var (page, more) = job.Events(query["after"], int.TryParse(query["limit"], out var limit) ? limit : 20);
                return List(page, more);
            }),
            ("GET", "fine_tuning", 5) when parts[4] == "checkpoints" => WithJob(parts[3], job => List(job.Checkpoints(), hasMore: false)),
            _ => (404, Error("unknown_url", $"the stand-in does not serve {method} {path}")),
        };
    }

    private JsonObject Upload(string contentType, byte[] body)
    {
        var form = MultipartForm.Parse(contentType, body);
        return Store(form.FileName ?? "upload.jsonl", form.Fields.GetValueOrDefault("purpose") ?? "", form.File).Info;
    }

    private (JsonObject Info, byte[] Content) Store(string name, string purpose, byte[] content)
    {
        var id = $"file-standin{Interlocked.Increment(ref _ids)}";
        var info = new JsonObject
        {
            ["object"] = "file", ["id"] = id, ["bytes"] = content.Length, ["created_at"] = 1_700_000_000,
            ["filename"] = name, ["purpose"] = purpose, ["status"] = "processed", ["status_details"] = null,
        };
        _files[id] = (info, content);
        return (info, content);
    }

    private (int, object) Create(JsonNode request)
    {
        var training = (string?)request["training_file"];
        if (training is null || !_files.ContainsKey(training))
            return (400, Error("invalid_training_file", $"training_file {training} does not exist"));
        var id = $"ftjob-standin{Interlocked.Increment(ref _ids)}";
        var job = new StandInJob(id, request, Script, 1_700_000_000 + (_jobs.Count * 1000),
            (name, text) => Store(name, "fine-tune-results", Encoding.UTF8.GetBytes(text)).Info["id"]!.GetValue<string>());
        _jobs[id] = job;
        return (200, job.Read());
    }

    private (int, object) WithJob(string id, Func<StandInJob, JsonObject> action) =>
        _jobs.TryGetValue(id, out var job) ? (200, action(job)) : NotFound(id);

    private static (int, object) NotFound(string id) => (404, Error("not_found", $"No such object: {id}"));

    private int? TakeRefusal(string line)
    {
        foreach (var (prefix, refusal) in _refusals)
        {
            if (refusal.Left > 0 && line.StartsWith(prefix, StringComparison.Ordinal)
                && _refusals.TryUpdate(prefix, refusal with { Left = refusal.Left - 1 }, refusal))
                return refusal.Status;
        }
        return null;
    }

    private static JsonObject List(IEnumerable<JsonObject> items, bool hasMore) =>
        new() { ["object"] = "list", ["data"] = new JsonArray(items.Cast<JsonNode>().ToArray()), ["has_more"] = hasMore };

    private static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["message"] = message, ["type"] = "invalid_request_error", ["param"] = null, ["code"] = code } };

    private static Task WriteAsync(HttpListenerResponse response, int status, JsonNode body, params (string Name, string Value)[] headers)
    {
        foreach (var (name, value) in headers)
            response.Headers[name] = value;
        response.ContentType = "application/json";
        return WriteRawAsync(response, status, Encoding.UTF8.GetBytes(body.ToJsonString()));
    }

    private static async Task WriteRawAsync(HttpListenerResponse response, int status, byte[] bytes)
    {
        response.StatusCode = status;
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
