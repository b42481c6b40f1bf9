using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MutationHarness.Evaluation;

/// <summary>A JSONL file of answers keyed by prompt, read at start and appended to as each answer arrives.</summary>
internal sealed class ResponseCache : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly Dictionary<string, string> _answers;
    private readonly StreamWriter _writer;
    private readonly SemaphoreSlim _lock = new(1, 1);

    private ResponseCache(Dictionary<string, string> answers, StreamWriter writer)
    {
        _answers = answers;
        _writer = writer;
    }

    public int Count => _answers.Count;

    public static async Task<ResponseCache> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(path))
        {
            foreach (var line in await File.ReadAllLinesAsync(path, Encoding.UTF8, cancellationToken))
            {
                // A line cut short by an interrupted run is skipped; its prompt is simply asked again.
                if (TryRead(line) is { } entry)
                    answers[entry.Key] = entry.Answer;
            }
        }
        else if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
            Directory.CreateDirectory(folder);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, useAsync: true);
        return new ResponseCache(answers, new StreamWriter(stream, new UTF8Encoding(false)));
    }

    public bool TryGet(string key, out string answer)
    {
        lock (_answers)
            return _answers.TryGetValue(key, out answer!);
    }

    public async Task AddAsync(string key, string model, string answer, CancellationToken cancellationToken)
    {
        lock (_answers)
            _answers[key] = answer;
        var line = JsonSerializer.Serialize(new CacheEntry(key, model, answer), Json);
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await _writer.WriteLineAsync(line.AsMemory(), cancellationToken);
            await _writer.FlushAsync(cancellationToken);
        }
        finally
        {
            _lock.Release();
        }
    }

    private static CacheEntry? TryRead(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return null;
        try
        {
            var entry = JsonSerializer.Deserialize<CacheEntry>(line);
            return entry is { Key.Length: > 0, Answer: not null } ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        _lock.Dispose();
    }

    private sealed record CacheEntry(
        [property: System.Text.Json.Serialization.JsonPropertyName("key")] string Key,
        [property: System.Text.Json.Serialization.JsonPropertyName("model")] string Model,
        [property: System.Text.Json.Serialization.JsonPropertyName("answer")] string Answer);
}
