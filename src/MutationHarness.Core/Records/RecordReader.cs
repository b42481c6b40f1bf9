using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Strategies;

namespace MutationHarness.Core.Records;

/// <summary>Streams every record of every input, in order; a bad line becomes an unreadable record, never a gap.</summary>
public sealed class RecordReader(StrategyCatalog catalog)
{
    private const string StandardInputName = "<stdin>";

    /// <summary>Reads the expanded inputs one record at a time, numbering them from 1 in input order;
    /// <paramref name="standardInput"/> serves "-".</summary>
    public async IAsyncEnumerable<InputRecord> ReadAsync(IReadOnlyList<string> files, TextReader standardInput,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long index = 0;
        await foreach (var record in ReadFilesAsync(files, standardInput, cancellationToken))
            yield return record with { Index = ++index };
    }

    private async IAsyncEnumerable<InputRecord> ReadFilesAsync(IReadOnlyList<string> files, TextReader standardInput,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            if (file == InputSources.StandardInput)
            {
                await foreach (var record in ReadLinesAsync(standardInput, StandardInputName, cancellationToken))
                    yield return record;
            }
            else if (file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && TryReadWholeDocument(file) is { } records)
            {
                foreach (var record in records)
                    yield return record;
            }
            else
            {
                using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                await foreach (var record in ReadLinesAsync(reader, file, cancellationToken))
                    yield return record;
            }
        }
    }

    private async IAsyncEnumerable<InputRecord> ReadLinesAsync(TextReader reader, string file,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        var seen = false;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            // Files were checked when named; standard input shows what it is only here.
            if (!seen && file == StandardInputName)
                InputFormat.CheckFirstLine(line, "standard input");
            seen = true;
            yield return ParseLine(line, new SourceLocation(file, lineNumber));
        }
        if (!seen && file == StandardInputName)
            InputFormat.CheckFirstLine(null, "standard input");
    }

    private InputRecord ParseLine(string line, SourceLocation source)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return RecordParser.Parse(document.RootElement, source, catalog);
        }
        catch (JsonException e)
        {
            return InputRecord.Unreadable(RecordParser.DefaultId(source), source, $"line {source.Line} is not valid JSON: {e.Message}");
        }
    }

    // An upstream finding is one pretty-printed object per .json file; a file that is not one
    // JSON document is read as JSON lines instead.
    private List<InputRecord>? TryReadWholeDocument(string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(file));
        }
        catch (JsonException)
        {
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Array)
                return [RecordParser.Parse(root, new SourceLocation(file, 1), catalog)];
            // Items of a JSON array are numbered in place of lines.
            return root.EnumerateArray()
                .Select((item, index) => RecordParser.Parse(item, new SourceLocation(file, index + 1), catalog))
                .ToList();
        }
    }
}
