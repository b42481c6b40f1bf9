using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using OpenAI;
using OpenAI.Files;
using OpenAI.FineTuning;

namespace MutationHarness.FineTuning.Jobs;

/// <summary>The files and fine-tuning endpoints of an OpenAI-compatible server, through the OpenAI SDK.</summary>
public sealed class FineTuneApi
{
    private readonly FineTuningClient _jobs;
    private readonly OpenAIFileClient _files;

    /// <summary>Creates clients for one endpoint and key; nothing is sent yet.</summary>
    public FineTuneApi(FineTuneConnection connection)
    {
        Endpoint = connection.Endpoint;
        var credential = new ApiKeyCredential(connection.ApiKey);
        var policy = new FineTuneRetryPolicy(connection.MaxRetries, connection.OnRetry);
        _files = new OpenAIFileClient(credential, new OpenAIClientOptions
        {
            Endpoint = connection.Endpoint, RetryPolicy = policy, NetworkTimeout = connection.RequestTimeout,
        });
        _jobs = new FineTuningClient(credential, new FineTuningClientOptions
        {
            Endpoint = connection.Endpoint, RetryPolicy = policy, NetworkTimeout = connection.RequestTimeout,
        });
    }

    /// <summary>The API base the clients talk to.</summary>
    public Uri Endpoint { get; }

    /// <summary>Uploads a JSONL file for fine-tuning (purpose <c>fine-tune</c>).</summary>
    public Task<UploadedFile> UploadAsync(string path, CancellationToken cancellationToken) =>
        CallAsync($"uploading {Path.GetFileName(path)}", async () =>
        {
            await using var stream = File.OpenRead(path);
            OpenAIFile file = await _files.UploadFileAsync(stream, Path.GetFileName(path), FileUploadPurpose.FineTune, cancellationToken);
            return new UploadedFile(file.Id, file.Filename, file.SizeInBytesLong);
        });

    /// <summary>Creates a supervised fine-tuning job.</summary>
    public Task<FineTuneJob> CreateJobAsync(JobRequest request, CancellationToken cancellationToken) =>
        CallAsync("creating the job", async () =>
        {
            var options = new FineTuningOptions
            {
                ValidationFile = request.ValidationFileId,
                Suffix = request.Suffix,
                Seed = request.Seed,
                TrainingMethod = FineTuningTrainingMethod.CreateSupervised(
                    batchSize: null,
                    epochCount: request.Epochs is { } epochs ? HyperparameterEpochCount.CreateEpochCount(epochs) : HyperparameterEpochCount.CreateAuto(),
                    learningRate: null),
            };
            FineTuningJob job = await _jobs.FineTuneAsync(request.Model, request.TrainingFileId, waitUntilCompleted: false, options, cancellationToken);
            return JobJson.Read(job.GetRawResponse().Content);
        });

    /// <summary>Reads a job; the handle also reads its events and checkpoints and cancels it.</summary>
    public Task<RemoteJob> OpenJobAsync(string jobId, CancellationToken cancellationToken) =>
        CallAsync($"reading job {jobId}", async () => new RemoteJob(await _jobs.GetJobAsync(jobId, cancellationToken)));

    /// <summary>The most recent jobs, newest first.</summary>
    public Task<IReadOnlyList<FineTuneJob>> ListJobsAsync(int limit, CancellationToken cancellationToken) =>
        CallAsync("listing jobs", async () =>
        {
            var jobs = new List<FineTuneJob>();
            await foreach (var page in _jobs.GetJobsAsync(new FineTuningJobCollectionOptions { PageSize = limit }, cancellationToken).GetRawPagesAsync())
            {
                using var document = JsonDocument.Parse(page.GetRawResponse().Content);
                if (document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array)
                    jobs.AddRange(data.EnumerateArray().Select(JobJson.Read));
                break; // one page holds the newest `limit`
            }
            return (IReadOnlyList<FineTuneJob>)jobs.Take(limit).ToList();
        });

    /// <summary>The content of a stored file, as the server sends it.</summary>
    public Task<BinaryData> DownloadAsync(string fileId, CancellationToken cancellationToken) =>
        CallAsync($"downloading file {fileId}", async () => (await _files.DownloadFileAsync(fileId, cancellationToken)).Value);

    internal static async Task<T> CallAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ClientResultException e)
        {
            throw new FineTuneApiException(operation, e.Status, e.Message.Split('\n', 2)[0].Trim(), e);
        }
        catch (HttpRequestException e)
        {
            throw new FineTuneApiException(operation, 0, e.Message, e);
        }
    }
}

/// <summary>What a new supervised job is made of.</summary>
/// <param name="Epochs">Null lets the server choose.</param>
public sealed record JobRequest(string Model, string TrainingFileId, string? ValidationFileId, int? Epochs, string? Suffix, int? Seed);

/// <summary>The server refused a request or could not be reached (status 0).</summary>
public sealed class FineTuneApiException : Exception
{
    /// <summary>Creates the exception for one failed operation.</summary>
    public FineTuneApiException(string operation, int status, string detail, Exception inner)
        : base(status == 0 ? $"{operation}: the endpoint could not be reached: {detail}" : $"{operation}: HTTP {status}: {detail}", inner)
    {
        Status = status;
    }

    /// <summary>The HTTP status, or 0 when no answer came.</summary>
    public int Status { get; }

    /// <summary>Whether the failure says nothing about the request itself (no answer, a server error, rate limits that outlasted the retries).</summary>
    public bool IsTransient => Status is 0 or 408 or 429 or >= 500;
}
