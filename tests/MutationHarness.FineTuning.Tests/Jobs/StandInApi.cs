using MutationHarness.FineTuning.Jobs;
using MutationHarness.TestSupport.FineTuning;

namespace MutationHarness.FineTuning.Tests.Jobs;

/// <summary>A client of the stand-in, with a training file uploaded, and helpers to start jobs.</summary>
internal sealed class StandInApi : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();

    public StandInApi(StandInScript? script = null)
    {
        Server = new FineTuningStandIn(script);
        Api = new FineTuneApi(new FineTuneConnection(Server.Endpoint, "sk-test") { OnRetry = Retries.Add });
    }

    public FineTuningStandIn Server { get; }

    public FineTuneApi Api { get; }

    public List<string> Retries { get; } = [];

    public string TrainFile => _directory.Write("train.jsonl", string.Concat(Enumerable.Range(0, 12).Select(i =>
        $$"""{"messages":[{"role":"system","content":"s"},{"role":"user","content":"SELECT {{i}}"},{"role":"assistant","content":"SELECT {{i}} + 1"}]}""" + "\n")));

    public async Task<FineTuneJob> StartAsync(CancellationToken cancellationToken, int? epochs = 2)
    {
        var file = await Api.UploadAsync(TrainFile, cancellationToken);
        return await Api.CreateJobAsync(new JobRequest("gpt-4o-mini-2024-07-18", file.Id, null, epochs, "mh", 7), cancellationToken);
    }

    public JobWatcher Watcher() => new(Api, TimeSpan.FromMilliseconds(1));

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        _directory.Dispose();
    }
}
