using System.Text.Json;
using System.Text.Json.Nodes;
using MutationHarness.Core.Files;

namespace MutationHarness.FineTuning.Jobs;

/// <summary>One fine-tuning job started from a dataset, as its manifest records it.</summary>
public sealed record ManifestJob(
    string JobId,
    string Model,
    string Endpoint,
    string TrainingFileId,
    string? ValidationFileId,
    int Epochs,
    string? Suffix,
    int? Seed,
    decimal EstimatedDollars,
    string PricesAsOf,
    DateTimeOffset StartedAt,
    string Status,
    string? FineTunedModel = null);

/// <summary>
/// The <c>fineTuning</c> list of a dataset's <c>manifest.json</c> (the one <c>clean</c> writes beside
/// train.jsonl): which jobs were started from it, and what became of them. Everything else in the
/// manifest is kept as it is.
/// </summary>
public static class ManifestJobs
{
    private const string Property = "fineTuning";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The manifest beside a dataset file, or null when there is none.</summary>
    public static string? BesideFile(string datasetFile)
    {
        var candidate = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(datasetFile))!, DatasetBuilder.ManifestFileName);
        return File.Exists(candidate) ? candidate : null;
    }

    /// <summary>The manifest a path names: the file itself, or the one in a dataset folder; null when neither exists.</summary>
    public static string? Find(string path) =>
        Directory.Exists(path) ? BesideFile(Path.Combine(path, DatasetBuilder.TrainFileName))
        : File.Exists(path) && Path.GetFileName(path) == DatasetBuilder.ManifestFileName ? Path.GetFullPath(path)
        : null;

    /// <summary>The jobs the manifest records, oldest first.</summary>
    public static async Task<IReadOnlyList<ManifestJob>> ReadAsync(string manifestPath, CancellationToken cancellationToken)
    {
        var root = await LoadAsync(manifestPath, cancellationToken);
        return root[Property]?.Deserialize<List<ManifestJob>>(Json) ?? [];
    }

    /// <summary>Adds the job, or replaces the entry with its id, and rewrites the manifest atomically.</summary>
    public static async Task RecordAsync(string manifestPath, ManifestJob job, CancellationToken cancellationToken)
    {
        var root = await LoadAsync(manifestPath, cancellationToken);
        if (root[Property] is not JsonArray jobs)
            root[Property] = jobs = [];
        var entry = JsonSerializer.SerializeToNode(job, Json)!;
        var existing = jobs.Select((node, index) => (node, index)).FirstOrDefault(j => (string?)j.node?["jobId"] == job.JobId);
        if (existing.node is not null)
            jobs[existing.index] = entry;
        else
            jobs.Add(entry);
        await OutputFile.WriteAllTextAsync(manifestPath, root.ToJsonString(Json) + "\n", cancellationToken);
    }

    /// <summary>Updates the entry of a finished (or followed) job, if the manifest has one.</summary>
    public static async Task UpdateAsync(string manifestPath, FineTuneJob job, CancellationToken cancellationToken)
    {
        var recorded = (await ReadAsync(manifestPath, cancellationToken)).FirstOrDefault(j => j.JobId == job.Id);
        if (recorded is not null)
            await RecordAsync(manifestPath, recorded with { Status = job.Status, FineTunedModel = job.FineTunedModel }, cancellationToken);
    }

    private static async Task<JsonObject> LoadAsync(string manifestPath, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(manifestPath);
        try
        {
            return await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken) as JsonObject
                ?? throw new FormatException($"{manifestPath} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{manifestPath} is not valid JSON: {e.Message}", e);
        }
    }
}
