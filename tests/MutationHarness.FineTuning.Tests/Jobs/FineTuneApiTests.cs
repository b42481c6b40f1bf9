using System.Text;
using MutationHarness.FineTuning.Jobs;
using MutationHarness.TestSupport.FineTuning;

namespace MutationHarness.FineTuning.Tests.Jobs;

public sealed class FineTuneApiTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_uploaded_file_starts_a_supervised_job_with_the_epochs_asked_for()
    {
        // Given the stand-in and a training file
        await using var standIn = new StandInApi();

        // When the file is uploaded and a job created with 2 epochs
        var file = await standIn.Api.UploadAsync(standIn.TrainFile, Token);
        var job = await standIn.Api.CreateJobAsync(new JobRequest("gpt-4o-mini-2024-07-18", file.Id, null, 2, "mh", 7), Token);

        // Then the server stored the file for fine-tuning and got a supervised job with those settings
        var stored = standIn.Server.Files[file.Id];
        Assert.Equal(("train.jsonl", "fine-tune"), (stored.Name, stored.Purpose));
        Assert.Equal(File.ReadAllBytes(standIn.TrainFile), stored.Content);
        var body = standIn.Server.CreatedJobs.Single();
        Assert.Equal("supervised", (string?)body["method"]!["type"]);
        Assert.Equal(2, (int?)body["method"]!["supervised"]!["hyperparameters"]!["n_epochs"]);
        Assert.Equal(("mh", 7), ((string?)body["suffix"], (int?)body["seed"]));
        Assert.Equal((job.Id, job.TrainingFile, job.Epochs), (job.Id, file.Id, 2));
        Assert.False(job.IsFinished);
    }

    [Fact]
    public async Task Following_a_job_reports_every_event_once_in_order_and_ends_with_the_fine_tuned_model()
    {
        await using var standIn = new StandInApi();
        var job = await standIn.StartAsync(Token);
        var progress = new RecordingProgress();

        var done = await standIn.Watcher().FollowAsync(job.Id, progress, Token);

        Assert.True(done.Succeeded);
        Assert.StartsWith("ft:gpt-4o-mini-2024-07-18:standin:mh:", done.FineTunedModel, StringComparison.Ordinal);
        Assert.Equal(progress.Events.Select(e => e.Id).Distinct(), progress.Events.Select(e => e.Id));
        var steps = progress.Events.Select(e => e.Metrics?.Step).OfType<int>().ToList();
        Assert.Equal(Enumerable.Range(1, 8), steps); // 2 epochs × 4 steps, each once, in order
        Assert.Contains("queued", progress.Statuses);
        Assert.Equal("succeeded", progress.Statuses[^1]);
        Assert.Contains(progress.Events, e => e.Message.Contains("successfully completed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Following_again_resumes_from_the_server_and_sees_the_same_end()
    {
        await using var standIn = new StandInApi();
        var job = await standIn.StartAsync(Token);
        var first = await standIn.Watcher().FollowAsync(job.Id, new RecordingProgress(), Token);

        var again = new RecordingProgress();
        var second = await standIn.Watcher().FollowAsync(job.Id, again, Token);

        Assert.Equal(first.FineTunedModel, second.FineTunedModel);
        Assert.Equal(8, again.Events.Count(e => e.Metrics is not null));
    }

    [Fact]
    public async Task A_failed_job_ends_the_watch_with_the_servers_error()
    {
        await using var standIn = new StandInApi(new StandInScript(FailAtStep: 3));
        var job = await standIn.StartAsync(Token);

        var done = await standIn.Watcher().FollowAsync(job.Id, new RecordingProgress(), Token);

        Assert.Equal(JobStatuses.Failed, done.Status);
        Assert.Equal("invalid_training_file", done.Error!.Code);
        Assert.Contains("invalid training file", done.Error.ToString(), StringComparison.Ordinal);
        Assert.Null(done.FineTunedModel);
    }

    [Fact]
    public async Task Rate_limits_are_waited_out_on_every_kind_of_request()
    {
        // Given a server that answers the first two uploads, job creations and job reads with 429
        await using var standIn = new StandInApi();
        foreach (var prefix in new[] { "POST /v1/files", "POST /v1/fine_tuning/jobs", "GET /v1/fine_tuning/jobs/" })
            standIn.Server.Refuse(prefix, 429, 2);

        // When a job is started and followed
        var job = await standIn.StartAsync(Token);
        var done = await standIn.Watcher().FollowAsync(job.Id, new RecordingProgress(), Token);

        // Then it succeeds, each refused request was retried, and each retry was reported
        Assert.True(done.Succeeded);
        Assert.Single(standIn.Server.CreatedJobs);
        Assert.Equal(File.ReadAllBytes(standIn.TrainFile), Assert.Single(standIn.Server.Files, f => f.Value.Purpose == "fine-tune").Value.Content);
        Assert.Equal(6, standIn.Retries.Count);
        Assert.All(standIn.Retries, r => Assert.Contains("HTTP 429", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_job_creation_that_fails_on_the_server_is_not_sent_twice()
    {
        // A 5xx after a POST may hide a job that was created: sending it again could pay twice.
        await using var standIn = new StandInApi();
        var file = await standIn.Api.UploadAsync(standIn.TrainFile, Token);
        standIn.Server.Refuse("POST /v1/fine_tuning/jobs", 503, 1);

        var error = await Assert.ThrowsAsync<FineTuneApiException>(() =>
            standIn.Api.CreateJobAsync(new JobRequest("gpt-4o-mini-2024-07-18", file.Id, null, 2, null, null), Token));

        Assert.Equal(503, error.Status);
        Assert.Single(standIn.Server.Requests, r => r.StartsWith("POST /v1/fine_tuning/jobs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reads_that_fail_on_the_server_are_retried_and_a_watch_survives_a_short_outage()
    {
        await using var standIn = new StandInApi();
        var job = await standIn.StartAsync(Token);
        standIn.Server.Refuse("GET /v1/fine_tuning/jobs/", 502, 3);
        var progress = new RecordingProgress();

        var done = await standIn.Watcher().FollowAsync(job.Id, progress, Token);

        Assert.True(done.Succeeded);
        Assert.Equal(3, standIn.Retries.Count(r => r.Contains("HTTP 502", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_watch_gives_up_when_the_server_stays_away_saying_how_to_resume()
    {
        await using var standIn = new StandInApi();
        var job = await standIn.StartAsync(Token);
        standIn.Server.Refuse("GET /v1/fine_tuning/jobs/", 503, 1000);
        var progress = new RecordingProgress();
        var api = new FineTuneApi(new FineTuneConnection(standIn.Server.Endpoint, "sk-test") { MaxRetries = 0 });

        var error = await Assert.ThrowsAsync<FineTuneApiException>(() =>
            new JobWatcher(api, TimeSpan.FromMilliseconds(1), maxFailedPolls: 3).FollowAsync(job.Id, progress, Token));

        Assert.True(error.IsTransient);
        Assert.Equal(2, progress.Troubles.Count);
    }

    [Fact]
    public async Task An_unknown_job_is_a_404_not_a_transient_failure()
    {
        await using var standIn = new StandInApi();

        var error = await Assert.ThrowsAsync<FineTuneApiException>(() => standIn.Api.OpenJobAsync("ftjob-nope", Token));

        Assert.Equal(404, error.Status);
        Assert.False(error.IsTransient);
        Assert.Contains("ftjob-nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_job_can_be_cancelled()
    {
        await using var standIn = new StandInApi();
        var created = await standIn.StartAsync(Token);
        var job = await standIn.Api.OpenJobAsync(created.Id, Token);

        var cancelled = await job.CancelAsync(Token);

        Assert.Equal(JobStatuses.Cancelled, cancelled.Status);
        Assert.True(cancelled.IsFinished);
        Assert.Equal(JobStatuses.Cancelled, (await standIn.Api.OpenJobAsync(created.Id, Token)).State.Status);
    }

    [Fact]
    public async Task Jobs_are_listed_newest_first_and_checkpoints_by_step()
    {
        await using var standIn = new StandInApi();
        var first = await standIn.StartAsync(Token, epochs: 4);
        var second = await standIn.StartAsync(Token);
        await standIn.Watcher().FollowAsync(first.Id, new RecordingProgress(), Token);

        var jobs = await standIn.Api.ListJobsAsync(10, Token);
        var checkpoints = await (await standIn.Api.OpenJobAsync(first.Id, Token)).CheckpointsAsync(Token);

        Assert.Equal([second.Id, first.Id], jobs.Select(j => j.Id));
        Assert.Equal([8, 12, 16], checkpoints.Select(c => c.Step)); // the last three epochs of 4 × 4 steps
        Assert.All(checkpoints, c => Assert.EndsWith($":ckpt-step-{c.Step}", c.ModelId, StringComparison.Ordinal));
        Assert.All(checkpoints, c => Assert.NotNull(c.Metrics.FullValidLoss));
    }

    [Fact]
    public async Task A_result_file_arrives_base64_encoded_as_the_public_api_serves_it()
    {
        await using var standIn = new StandInApi();
        var job = await standIn.Watcher().FollowAsync((await standIn.StartAsync(Token)).Id, new RecordingProgress(), Token);

        var content = await standIn.Api.DownloadAsync(job.ResultFiles.Single(), Token);

        Assert.StartsWith("step,", Encoding.UTF8.GetString(Convert.FromBase64String(content.ToString())), StringComparison.Ordinal);
    }
}
