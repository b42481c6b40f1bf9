using System.Text.Json;

namespace MutationHarness.FineTuning.Jobs;

/// <summary>
/// Reads the job objects the server sends. The SDK's typed job lacks the fine-tuned model, the error
/// and the timestamps, so the job is read from the response the SDK received.
/// </summary>
internal static class JobJson
{
    public static FineTuneJob Read(BinaryData body)
    {
        using var document = JsonDocument.Parse(body);
        return Read(document.RootElement);
    }

    public static FineTuneJob Read(JsonElement job) => new(
        Text(job, "id") ?? throw new FormatException("the server sent a job without an id"),
        Text(job, "model") ?? "",
        Text(job, "status") ?? "unknown",
        Text(job, "fine_tuned_model"),
        Text(job, "training_file"),
        Text(job, "validation_file"),
        job.TryGetProperty("result_files", out var results) && results.ValueKind == JsonValueKind.Array
            ? results.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.String ? r.GetString()! : Text(r, "id") ?? "").Where(r => r.Length > 0).ToList()
            : [],
        Error(job),
        Time(job, "created_at"),
        Time(job, "finished_at"),
        Time(job, "estimated_finish"),
        job.TryGetProperty("trained_tokens", out var tokens) && tokens.ValueKind == JsonValueKind.Number ? tokens.GetInt64() : null,
        Epochs(job),
        Text(job, "user_provided_suffix") ?? Text(job, "suffix"));

    /// <summary>The metrics an event or checkpoint carries (<c>step</c>, <c>train_loss</c>, …); null without a step.</summary>
    public static StepMetrics? Metrics(JsonElement data, int? step = null)
    {
        if (data.ValueKind != JsonValueKind.Object)
            return null;
        var at = step ?? (int?)Number(data, "step");
        return at is null ? null : new StepMetrics(
            at.Value,
            (int?)Number(data, "total_steps"),
            Number(data, "train_loss"),
            Number(data, "train_mean_token_accuracy") ?? Number(data, "train_accuracy"),
            Number(data, "valid_loss"),
            Number(data, "valid_mean_token_accuracy"),
            Number(data, "full_valid_loss"),
            Number(data, "full_valid_mean_token_accuracy"));
    }

    private static JobError? Error(JsonElement job)
    {
        if (!job.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            return null;
        var message = Text(error, "message");
        var code = Text(error, "code");
        return message is null && code is null ? null : new JobError(code, message ?? "(no message)", Text(error, "param"));
    }

    private static int? Epochs(JsonElement job)
    {
        // Older servers put the hyperparameters on the job, newer ones under method.<type>.
        if (job.TryGetProperty("hyperparameters", out var direct) && Number(direct, "n_epochs") is { } epochs)
            return (int)epochs;
        if (job.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.Object
            && Text(method, "type") is { } type && method.TryGetProperty(type, out var settings)
            && settings.TryGetProperty("hyperparameters", out var nested) && Number(nested, "n_epochs") is { } nestedEpochs)
            return (int)nestedEpochs;
        return null;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static double? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        Number(element, name) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds((long)seconds) : null;
}
