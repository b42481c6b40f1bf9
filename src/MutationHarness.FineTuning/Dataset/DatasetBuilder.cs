using System.Reflection;
using System.Text.Json;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Files;

namespace MutationHarness.FineTuning;

/// <summary>Builds a fine-tuning dataset from verified pairs: train.jsonl, validation.jsonl, rejected.jsonl and manifest.json.</summary>
public sealed class DatasetBuilder
{
    /// <summary>The train file's name.</summary>
    public const string TrainFileName = "train.jsonl";

    /// <summary>The validation file's name.</summary>
    public const string ValidationFileName = "validation.jsonl";

    /// <summary>The file listing every dropped candidate and why.</summary>
    public const string RejectedFileName = "rejected.jsonl";

    /// <summary>The manifest's file name.</summary>
    public const string ManifestFileName = "manifest.json";

    /// <summary>The four files of a dataset, in that order.</summary>
    public static IReadOnlyList<string> FileNames { get; } = [TrainFileName, ValidationFileName, RejectedFileName, ManifestFileName];

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = ExampleJson.WriterOptions.Encoder };

    private readonly DatasetOptions _options;
    private readonly IReadOnlyDictionary<string, StrategyInstructions> _instructions;
    private readonly ModelSpec _model;
    private readonly string _pricesAsOf;

    /// <summary>Creates a builder; the instructions map each strategy name to its two wordings; throws <see cref="ArgumentException"/> on bad options or an unknown model.</summary>
    public DatasetBuilder(DatasetOptions options, IReadOnlyDictionary<string, StrategyInstructions> instructions, ModelCatalog? models = null)
    {
        options.Validate();
        var catalog = models ?? ModelCatalog.LoadDefault();
        _options = options;
        _instructions = instructions;
        _model = catalog.Find(options.Model);
        if (_model.TakesPromptCompletion)
            throw new ArgumentException($"{_model.Name} takes legacy {{\"prompt\",\"completion\"}} lines, but the dataset is chat examples: name a chat model (e.g. {ModelCatalog.DefaultModel}).");
        _pricesAsOf = catalog.PricesAsOf;
    }

    /// <summary>Selects, deduplicates, balances and splits the candidates, then writes the four files into a directory, replacing an earlier set as one.</summary>
    public async Task<DatasetResult> BuildAsync(IEnumerable<DatasetCandidate> candidates, string outputDirectory, CancellationToken cancellationToken)
    {
        var plan = Plan(candidates.ToList());
        var names = FileNames;
        // The four files change together: a reader never sees a new train file beside an old manifest.
        await using var folder = FolderReplacement.Begin(outputDirectory, names);
        var trainStatistics = Statistics(plan.Train);
        var manifest = ManifestWriter.Create(plan, _options, trainStatistics, ValidationStatistics.Of(Statistics(plan.Validation)), _model.Name, _pricesAsOf, HarnessVersion());
        await WriteAsync(folder.PathOf(names[0]), (s, ct) => ExampleJson.WriteExamplesAsync(s, plan.Train, ct), cancellationToken);
        await WriteAsync(folder.PathOf(names[1]), (s, ct) => ExampleJson.WriteExamplesAsync(s, plan.Validation, ct), cancellationToken);
        await WriteAsync(folder.PathOf(names[2]), (s, ct) => ExampleJson.WriteRejectedAsync(s, plan.Rejected, ct), cancellationToken);
        await WriteAsync(folder.PathOf(names[3]), (s, ct) => JsonSerializer.SerializeAsync(s, manifest, ManifestJson, ct), cancellationToken);
        folder.Commit();
        var paths = names.Select(folder.FinalPathOf).ToArray();
        return new DatasetResult(
            paths[0], paths[1], paths[2], paths[3],
            plan.InputCount, plan.Train.Count, plan.Validation.Count, plan.Rejected.Count,
            manifest.Dropped, plan.Warnings, trainStatistics);
    }

    private static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await write(stream, cancellationToken);
        await stream.FlushAsync(cancellationToken);
        stream.Flush(flushToDisk: true); // on disk before the folder is swapped in
    }

    internal DatasetPlan Plan(IReadOnlyList<DatasetCandidate> candidates)
    {
        var selector = new CandidateSelector(_options, _instructions);
        var kept = selector.Select(candidates);
        var (train, validation, splitWarnings) = SplitAssigner.Split(kept, _options.ValidationFraction, _options.Seed);
        var rejected = selector.Rejected.OrderBy(r => r.InputIndex).ToList();
        var emitted = train.Count + validation.Count;
        // Every input is either emitted or rejected, exactly once; anything else is a bug here.
        if (emitted + rejected.Count != candidates.Count
            || train.Concat(validation).Select(e => e.InputIndex).Concat(rejected.Select(r => r.InputIndex)).Distinct().Count() != candidates.Count)
            throw new InvalidOperationException($"Dataset accounting is broken: {candidates.Count} inputs, {emitted} emitted, {rejected.Count} rejected.");
        return new DatasetPlan(candidates.Count, train, validation, rejected,
            [.. splitWarnings, .. DatasetWarnings.For(_options, _instructions.Keys, candidates, train, validation, rejected)]);
    }

    private TrainingStatistics Statistics(IReadOnlyList<PlannedExample> examples) =>
        TrainingStatisticsCalculator.Compute(examples.Select(ExampleJson.ToChatExample).ToList(), _model, _pricesAsOf);

    private static string HarnessVersion() =>
        typeof(DatasetBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(DatasetBuilder).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
