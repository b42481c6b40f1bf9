using System.Text;
using System.Text.Json;
using MutationHarness.Core.Records;

namespace MutationHarness.Evaluation;

/// <summary>Answers read from a JSONL file of <c>{"id": …, "output": …}</c> or <c>{"line": …, "output": …}</c>.</summary>
/// <remarks>A line with neither id nor line answers the test example on the same line number.</remarks>
public sealed class OutputsFile : IAnswerSource
{
    private readonly Dictionary<string, string> _byId;
    private readonly Dictionary<int, string> _byLine;

    private OutputsFile(string path, Dictionary<string, string> byId, Dictionary<int, string> byLine, IReadOnlyList<string> problems)
    {
        Description = path;
        _byId = byId;
        _byLine = byLine;
        Problems = problems;
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Lines of the file that could not be read, each with its line number.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Reads the whole file; an unreadable line is noted in <see cref="Problems"/>, not fatal.</summary>
    public static async Task<OutputsFile> LoadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            throw new InputException($"outputs file not found: {path}");
        var (byId, byLine, problems) = (new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<int, string>(), new List<string>());
        var number = 0;
        foreach (var text in await File.ReadAllLinesAsync(path, Encoding.UTF8, cancellationToken))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            try
            {
                using var document = JsonDocument.Parse(text);
                var record = document.RootElement;
                var output = record.ValueKind == JsonValueKind.Object
                    ? RecordFields.Text(record, "output") ?? RecordFields.Text(record, "answer")
                    : null;
                if (output is null)
                {
                    problems.Add($"line {number}: no \"output\" text");
                    continue;
                }
                if (RecordFields.Text(record, "id") is { } id)
                    byId[id] = output;
                else if (record.TryGetProperty("line", out var line) && line.TryGetInt32(out var lineNumber))
                    byLine[lineNumber] = output;
                else
                    byLine[number] = output;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                problems.Add($"line {number}: not a JSON object ({e.Message})");
            }
        }
        return new OutputsFile(path, byId, byLine, problems);
    }

    /// <inheritdoc />
    public Task<ModelAnswer> AnswerAsync(TestExample example, CancellationToken cancellationToken)
    {
        if (_byId.TryGetValue(example.Id, out var output) || _byLine.TryGetValue(example.Line, out output))
            return Task.FromResult(ModelAnswer.Of(output));
        return Task.FromResult(ModelAnswer.Failed($"no output for id '{example.Id}' or line {example.Line} in {Description}"));
    }
}
