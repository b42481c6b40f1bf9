using System.CommandLine;
using System.Globalization;
using MutationHarness.FineTuning;
using MutationHarness.FineTuning.Jobs;

namespace MutationHarness.Cli.Commands.FineTune;

/// <summary><c>finetune start</c>: check the files as inspect does, estimate the cost, upload, create the job, record it.</summary>
internal static class StartCommand
{
    public static Command Create()
    {
        var endpoint = new EndpointOptions();
        var train = new Option<FileInfo>("--train") { Description = "The training file (chat JSONL, e.g. dataset/train.jsonl).", Required = true };
        var validation = new Option<FileInfo?>("--validation") { Description = "The validation file (e.g. dataset/validation.jsonl)." };
        var model = new Option<string>("--model") { Description = "The base model, or a fine-tuned one (ft:…) to train further.", Required = true };
        var epochs = new Option<int?>("--epochs") { Description = "Passes over the training file; default: the service's rule (3, more for small files, fewer for huge ones)." };
        var suffix = new Option<string?>("--suffix") { Description = "Up to 64 characters added to the fine-tuned model's name." };
        var seed = new Option<int?>("--seed") { Description = "The training seed, for a job that can be repeated." };
        var wait = new Option<bool>("--wait") { Description = "Follow the job to its end, as watch does." };
        var poll = PollOption();
        var models = new Option<FileInfo?>("--models") { Description = "A model table to use instead of the shipped models.json." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check and estimate only; upload nothing." };
        var command = new Command("start", """
            Start a supervised fine-tuning job. The files get inspect's checks first: a file with format errors
            (or a training file with fewer than 10 examples) is refused with the report, exit 1, and nothing is
            uploaded. Then the estimated cost is printed, both files are uploaded (purpose fine-tune), the job is
            created, and its id and file ids are recorded in the dataset's manifest.json when there is one.

            Examples:
              harness finetune start --train dataset/train.jsonl --validation dataset/validation.jsonl --model gpt-4o-mini-2024-07-18 --wait
              harness finetune start --train more/train.jsonl --model ft:gpt-4o-mini-2024-07-18:acme:sql:abc123 --epochs 2 --suffix sql2
            """);
        foreach (var option in new Option[] { train, validation, model, epochs, suffix, seed, wait, poll, models, dryRun })
            command.Add(option);
        endpoint.AddTo(command);
        command.SetAction((result, cancellationToken) => FineTuneGuard.RunAsync(async () =>
        {
            var request = new StartRequest(
                result.GetValue(train)!.FullName, result.GetValue(validation)?.FullName, result.GetValue(model)!,
                result.GetValue(epochs), result.GetValue(suffix), result.GetValue(seed));
            if (request.Epochs is < 1 or > 50)
                throw new UsageException("--epochs is between 1 and 50");
            if (request.Suffix is { Length: > 64 })
                throw new UsageException("--suffix has at most 64 characters");
            var plan = await StartPlan.CheckAsync(request, result.GetValue(models)?.FullName, cancellationToken);
            if (plan is null)
                return ExitCodes.Failed;
            if (result.GetValue(dryRun))
                return ExitCodes.Ok;
            var api = endpoint.Open(result);
            var (job, manifest) = await LaunchAsync(api, request, plan, cancellationToken);
            return result.GetValue(wait)
                ? await JobFollower.FollowAsync(api, job.Id, Poll(result, poll), manifest, cancellationToken)
                : ExitCodes.Ok;
        }));
        return command;
    }

    public static Option<double> PollOption() => new("--poll-seconds")
    {
        Description = "Seconds between two looks at the job.",
        DefaultValueFactory = _ => 10,
    };

    public static TimeSpan Poll(ParseResult result, Option<double> poll)
    {
        var seconds = result.GetValue(poll);
        return seconds is >= 0 and <= 3600 ? TimeSpan.FromSeconds(seconds) : throw new UsageException("--poll-seconds is between 0 and 3600");
    }

    private static async Task<(FineTuneJob Job, string? Manifest)> LaunchAsync(FineTuneApi api, StartRequest request, StartPlan plan, CancellationToken cancellationToken)
    {
        var training = await api.UploadAsync(request.Train, cancellationToken);
        Console.WriteLine($"uploaded {Path.GetFileName(request.Train)} as {training.Id}");
        UploadedFile? validation = null;
        if (request.Validation is { } validationPath && plan.UploadValidation)
        {
            validation = await api.UploadAsync(validationPath, cancellationToken);
            Console.WriteLine($"uploaded {Path.GetFileName(validationPath)} as {validation.Id}");
        }
        var job = await api.CreateJobAsync(new JobRequest(request.Model, training.Id, validation?.Id, plan.Epochs, request.Suffix, request.Seed), cancellationToken);
        Console.WriteLine($"job {job.Id} created ({job.Status}); follow it with: harness finetune watch {job.Id}");
        var manifest = ManifestJobs.BesideFile(request.Train);
        if (manifest is not null)
        {
            await ManifestJobs.RecordAsync(manifest, new ManifestJob(
                job.Id, request.Model, api.Endpoint.ToString(), training.Id, validation?.Id, plan.Epochs, request.Suffix, request.Seed,
                plan.Cost.Dollars, plan.Cost.PricesAsOf, DateTimeOffset.UtcNow, job.Status), cancellationToken);
            Console.WriteLine($"recorded in {manifest}");
        }
        return (job, manifest);
    }
}

/// <summary>What the user asked <c>start</c> for.</summary>
internal sealed record StartRequest(string Train, string? Validation, string Model, int? Epochs, string? Suffix, int? Seed);

/// <summary>The checked files' figures: the epochs to ask for and the estimated cost; an empty validation file is not sent.</summary>
internal sealed record StartPlan(int Epochs, CostEstimate Cost, bool UploadValidation)
{
    /// <summary>Inspects both files and prints the estimate; null (after printing the report) when a file may not be uploaded.</summary>
    public static async Task<StartPlan?> CheckAsync(StartRequest request, string? modelTable, CancellationToken cancellationToken)
    {
        ChatFileInspector inspector;
        try
        {
            var catalog = modelTable is null ? ModelCatalog.LoadDefault() : await ModelCatalog.LoadAsync(modelTable, cancellationToken);
            inspector = new ChatFileInspector(catalog, request.Model);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"{e.Message} Add it to the model table (models.json, or --models FILE) to get its limits and price.");
        }
        var train = await InspectAsync(inspector, request.Train, training: true, cancellationToken);
        var validation = request.Validation is null ? null : await InspectAsync(inspector, request.Validation, training: false, cancellationToken);
        if (train is null || (request.Validation is not null && validation is null))
            return null;
        var s = train.Statistics;
        var epochs = request.Epochs ?? EpochRule.DefaultEpochs(s.ExampleCount);
        var cost = TrainingCost.Estimate(inspector.Model, s.Cost.PricesAsOf, s.BillingTokens, epochs);
        var n = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(n, $"{Path.GetFileName(request.Train)}: {Examples(s.ExampleCount)}, ~{s.BillingTokens:N0} billing tokens; {epochs} epochs ({(request.Epochs is null ? "the service's rule" : "--epochs")})"));
        var uploadValidation = validation is { ExampleCount: > 0 };
        if (validation is not null)
            Console.WriteLine(uploadValidation
                ? string.Create(n, $"{Path.GetFileName(request.Validation!)}: {Examples(validation.Statistics.ExampleCount)}, ~{validation.Statistics.BillingTokens:N0} tokens (validation: not charged as training)")
                : $"warning: {request.Validation} is empty; the job starts without a validation file");
        Console.WriteLine(string.Create(n,
            $"estimated cost: ~${cost.Dollars:0.00} for ~{cost.ChargedTokens:N0} charged tokens with {cost.Model} at ${cost.PricePerMillionTokens:0.00} per 1M training tokens (prices as of {cost.PricesAsOf}; token counts are an {cost.Encoding} estimate)"));
        return new StartPlan(epochs, cost, uploadValidation);
    }

    private static string Examples(int count) => string.Create(CultureInfo.InvariantCulture, $"{count:N0} example{(count == 1 ? "" : "s")}");

    private static async Task<InspectionReport?> InspectAsync(ChatFileInspector inspector, string path, bool training, CancellationToken cancellationToken)
    {
        InspectionReport report;
        try
        {
            report = await inspector.InspectAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {e.Message}");
        }
        // A validation file needs no minimum size; the rest of the format is the same.
        var errors = report.Errors.Where(e => training || e.Kind != FormatIssueKinds.TooFewExamples).ToList();
        if (errors.Count == 0)
            return report;
        InspectionReportWriter.WriteText(report, Console.Out);
        Console.WriteLine($"refused: {path} has {errors.Sum(e => e.Count)} format errors ({string.Join(", ", errors.Select(e => e.Kind))}); nothing was uploaded");
        return null;
    }
}
