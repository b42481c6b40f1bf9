namespace MutationHarness.FineTuning;

/// <summary>Checks a chat fine-tuning JSONL file line by line and estimates its training tokens and cost.</summary>
public sealed class ChatFileInspector
{
    /// <summary>The largest training file the service accepts.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    /// <summary>The fewest examples the service accepts.</summary>
    public const int MinExamples = 10;

    private const int BatchSize = 4096;

    private readonly ModelSpec _model;
    private readonly string _pricesAsOf;

    /// <summary>Creates an inspector for one model of a model table; throws <see cref="ArgumentException"/> for an unknown model.</summary>
    public ChatFileInspector(ModelCatalog catalog, string model = ModelCatalog.DefaultModel)
    {
        _model = catalog.Find(model);
        _pricesAsOf = catalog.PricesAsOf;
    }

    /// <summary>The model whose encoding, limit and price the report uses.</summary>
    public ModelSpec Model => _model;

    /// <summary>Checks a file; I/O errors (missing or unreadable file) are thrown, format problems are reported.</summary>
    public async Task<InspectionReport> InspectAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await InspectAsync(stream, path, cancellationToken);
    }

    /// <summary>Checks JSONL read from a stream, naming it <paramref name="source"/> in the report.</summary>
    public async Task<InspectionReport> InspectAsync(Stream stream, string source, CancellationToken cancellationToken)
    {
        var run = new InspectionRun(_model);
        using var reader = new JsonlLineReader(stream);
        var batch = new List<(long Line, byte[] Bytes, bool Unterminated)>(BatchSize);
        long bytes = 0;
        while (await reader.ReadLineAsync(cancellationToken))
        {
            bytes += reader.Line.Length + (reader.Terminated ? 1 : 0);
            batch.Add((reader.LineNumber, reader.Line.ToArray(), !reader.Terminated));
            if (batch.Count == BatchSize)
            {
                run.CheckBatch(batch, cancellationToken);
                batch.Clear();
            }
        }
        run.CheckBatch(batch, cancellationToken);
        var fileBytes = stream.CanSeek ? stream.Length : bytes;
        return run.Finish(source, fileBytes, _pricesAsOf);
    }
}
