using System.CommandLine;
using MutationHarness.Core.Files;
using MutationHarness.Core.Strategies;
using MutationHarness.Databases.Targets;
using MutationHarness.Evaluation;
using MutationHarness.Verification;

namespace MutationHarness.Cli.Commands;

/// <summary><c>eval</c>: grade a model's answers to a test set on real servers, print the scorecard, gate on a baseline.</summary>
internal static class EvalCommand
{
    private static readonly Option<FileInfo> Test = new("--test") { Description = "The test set: chat JSONL as 'clean' writes it (system names the strategy, user = seed, assistant = reference), or pair records.", Required = true };
    private static readonly Option<FileInfo?> Outputs = new("--outputs") { Description = "The model's answers: JSONL of {\"id\": …, \"output\": …} or {\"line\": N, \"output\": …}." };
    private static readonly Option<string?> Endpoint = new("--endpoint") { Description = "Generate the answers now through this OpenAI-compatible API base (e.g. http://localhost:8000/v1)." };
    private static readonly Option<string?> Model = new("--model") { Description = "The model name to ask at --endpoint." };
    private static readonly Option<string> ApiKeyEnv = new("--api-key-env") { Description = "The environment variable that holds the API key.", DefaultValueFactory = _ => "OPENAI_API_KEY" };
    private static readonly Option<int> Concurrency = new("--concurrency") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 4 };
    private static readonly Option<int> Retries = new("--retries") { Description = "Retries of a request answered 429/5xx (with back-off, honouring Retry-After).", DefaultValueFactory = _ => 4 };
    private static readonly Option<double> RequestTimeout = new("--request-timeout") { Description = "Deadline of one request, in seconds; past it the example fails as a timeout.", DefaultValueFactory = _ => 120 };
    private static readonly Option<FileInfo?> Cache = new("--cache") { Description = "Response cache (JSONL): read first, appended as answers arrive, so a re-run does not pay twice." };
    private static readonly Option<EvalMode> Mode = new("--mode") { Description = "mutation (default): grade mutants; sql: grade plain SQL against --schema; ddl: grade CREATE TABLE answers against the tables --schema builds.", DefaultValueFactory = _ => EvalMode.Mutation };
    private static readonly Option<string[]> Schema = new("--schema") { Description = "SQL and DDL modes: a setup SQL script that builds the database the questions are about. Repeat for several databases." };
    private static readonly Option<FileInfo?> Baseline = new("--baseline") { Description = "A scorecard from an earlier --out: compare example by example and exit 1 on a regression." };
    private static readonly Option<double> Tolerance = new("--tolerance") { Description = "The largest drop of a metric's rate (0–1, over the examples both runs share) that is not a regression.", DefaultValueFactory = _ => 0.01 };
    private static readonly Option<FileInfo?> Out = new("--out", "-o") { Description = "Write the scorecard JSON (rates and every example's grade) here: the next run's --baseline." };
    private static readonly Option<FileInfo?> Markdown = new("--markdown") { Description = "Write the scorecard as Markdown here." };
    private static readonly Option<FileInfo?> JUnit = new("--junit") { Description = "Write JUnit XML here: one test case per example, failing when a gating metric fails." };
    private static readonly Option<bool> RequireNonTrivial = new("--require-non-trivial") { Description = "Fail an answer whose rows equal the seed's on every generated database (--databases K); by default non-trivial is reported, not gating." };
    private static readonly Option<bool> Json = new("--json") { Description = "Print the scorecard JSON instead of the table." };

    public static Command Create()
    {
        var set = new VerifyOptionSet();
        var command = new Command("eval", """
            Grade a model's answers to a test set. Each answer's SQL is taken out of the reply (fences, prose,
            trailing semicolon) and graded: parses, single read-only SELECT, conforms to the strategy in its
            direction, executes on every target, relation holds, and no invented table, column or function;
            exact match with the reference and non-trivial (the rows differ from the seed's) are reported. --mode sql grades plain SQL
            against a schema fixture instead: executes, every invented table, column and function named with
            its position, execution accuracy. --mode ddl grades CREATE TABLE answers to {id, question, table}
            records: the answer runs alone in a scratch database and its table is compared with the real one
            (invented and missing columns, type, nullability, key and comment differences, the table's name;
            column precision and recall, exact-table rate).
            An answer passes when verify would call the pair verified (the same code path); exact match and
            non-trivial are reported, not gating (--require-non-trivial makes non-trivial gate).
            Exit 0 when graded (and no regression), 1 on a regression against --baseline, when this run did
            not grade the baseline's examples as they were (examples removed or their reference edited; a
            renamed or copied file is matched by content), or when --endpoint left examples unanswered; 2 for
            bad usage; 3 when a target cannot start or the endpoint cannot be reached at all. Without
            --baseline grading is a measurement and exits 0.

            Examples:
              harness eval --test dataset/validation.jsonl --outputs answers.jsonl --out scorecard.json
              harness eval --test dataset/validation.jsonl --endpoint http://localhost:8000/v1 --model my-ft \
                --cache eval-cache.jsonl --baseline last.json --junit eval.xml --markdown eval.md
              harness eval --mode sql --test questions.jsonl --schema schema.sql --outputs sql-answers.jsonl
              harness eval --mode ddl --test fixtures/eval/ddl/questions.jsonl --schema fixtures/eval/ddl/schema.sql \
                --outputs fixtures/eval/ddl/answers.jsonl --markdown ddl.md
            """);
        foreach (var option in new Option[] { Test, Outputs, Endpoint, Model, ApiKeyEnv, Concurrency, Retries, RequestTimeout, Cache, Mode, Schema,
                     Baseline, Tolerance, Out, Markdown, JUnit, RequireNonTrivial, Json, set.Target, set.Jobs, set.Timeout, set.Reruns, set.Databases, set.FixtureSeed, set.Data, set.MaxRows, set.MaxResultBytes, set.KeepServerFiles, set.Pull }.Concat(set.SetupOptions))
            command.Add(option);
        command.SetAction((result, cancellationToken) => CommandGuard.RunAsync(() => RunAsync(result, set, cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, VerifyOptionSet set, CancellationToken cancellationToken)
    {
        var mode = result.GetValue(Mode);
        var tolerance = result.GetValue(Tolerance);
        if (tolerance is < 0 or > 1)
            throw new UsageException("--tolerance is a rate between 0 and 1 (0.01 = one point)");
        if (mode != EvalMode.Mutation && result.GetValue(Schema) is not { Length: > 0 })
            throw new UsageException($"--mode {mode.ToString().ToLowerInvariant()} needs --schema FILE: the setup SQL of the database the questions are about");
        var options = set.Read(result);
        var test = result.GetValue(Test)!.FullName;
        var baseline = result.GetValue(Baseline) is { } baselineFile ? await ScorecardJson.ReadAsync(baselineFile.FullName, cancellationToken) : null;
        var examples = await TestSetReader.ReadAsync(test, mode, StrategyCatalog.Default, cancellationToken);
        if (examples.Count == 0)
            throw new UsageException($"the test set {test} holds no examples");

        await using var answers = await OpenAnswersAsync(result, cancellationToken);
        Console.Error.WriteLine($"grading {examples.Count} examples from {answers.Source.Description}; starting {string.Join(", ", options.Targets.Select(TargetSpec.SafeName))} …");
        await using IExampleGrader grader = mode switch
        {
            EvalMode.Sql => await SqlModeGrader.StartAsync(options, result.GetValue(Schema)!, new TargetOpener(), cancellationToken),
            EvalMode.Ddl => await DdlGrader.StartAsync(options, result.GetValue(Schema)!, new TargetOpener(), cancellationToken),
            _ => await MutationGrader.StartAsync(options, StrategyCatalog.Default, new TargetOpener(), cancellationToken, result.GetValue(RequireNonTrivial)),
        };
        Console.Error.WriteLine($"targets: {string.Join("; ", grader.TargetDescriptions)}");

        var graded = 0;
        var scorecard = await EvalRun.RunAsync(Path.GetFileName(test), examples, answers.Source, grader, options.Jobs,
            _ =>
            {
                if (Interlocked.Increment(ref graded) % 50 == 0)
                    Console.Error.WriteLine($"… {graded} of {examples.Count} graded");
            }, cancellationToken);
        var unanswered = scorecard.Examples.Count(e => e.Output is null);
        var endpoint = answers.Source as ChatEndpointSource;
        if (endpoint is not null)
            Console.Error.WriteLine($"endpoint: {endpoint.RequestsSent} requests sent, {unanswered} examples without an answer");
        if (unanswered == scorecard.Examples.Count)
            Console.Error.WriteLine($"warning: not one example has an answer; first reason: {scorecard.Examples[0].Details.FirstOrDefault()}");
        var comparison = baseline is null ? null : BaselineComparison.Compare(baseline, scorecard, tolerance);

        await WriteFilesAsync(result, scorecard, comparison, cancellationToken);
        if (result.GetValue(Json))
            Console.Out.WriteLine(ScorecardJson.Serialize(scorecard));
        else
        {
            Console.Out.Write(ScorecardTable.Render(scorecard));
            if (comparison is not null)
                Console.Out.Write(comparison.Render());
        }
        return ExitCode(scorecard, comparison, endpoint);
    }

    // Answers the endpoint never produced are not a measurement of the model: they fail the run, and when nothing
    // could be reached at all it is the endpoint, like a target, that failed.
    private static int ExitCode(Scorecard scorecard, BaselineComparison? comparison, ChatEndpointSource? endpoint)
    {
        if (endpoint is { Answered: 0, Unreachable: > 0 })
        {
            Console.Error.WriteLine($"error: the endpoint {endpoint.Description} could not be reached; no example was answered. " +
                "Check --endpoint (is the server up, the port right?) and run again.");
            return ExitCodes.TargetFailed;
        }
        var unanswered = scorecard.Examples.Count(e => e.Output is null);
        if (endpoint is not null && unanswered > 0)
        {
            Console.Error.WriteLine($"error: {unanswered} of {scorecard.Examples.Count} examples got no answer from the endpoint " +
                "(see their details); the run fails. A re-run with --cache asks only for those.");
            return ExitCodes.Failed;
        }
        return comparison is { GateFails: true } ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static async Task<OpenAnswers> OpenAnswersAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var (outputs, endpoint, model) = (result.GetValue(Outputs), result.GetValue(Endpoint), result.GetValue(Model));
        if ((outputs is null) == (endpoint is null))
            throw new UsageException("give the answers either as --outputs FILE or generate them with --endpoint URL --model NAME");
        if (outputs is not null)
        {
            var file = await OutputsFile.LoadAsync(outputs.FullName, cancellationToken);
            foreach (var problem in file.Problems.Take(10))
                Console.Error.WriteLine($"warning: {outputs.Name} {problem}");
            return new OpenAnswers(file, null);
        }
        if (string.IsNullOrWhiteSpace(model))
            throw new UsageException("--endpoint needs --model NAME");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
            throw new UsageException($"--endpoint must be an http(s) URL such as http://localhost:8000/v1, not '{endpoint}'");
        var keyVariable = result.GetValue(ApiKeyEnv)!;
        var key = Environment.GetEnvironmentVariable(keyVariable);
        if (string.IsNullOrEmpty(key))
            Console.Error.WriteLine($"note: ${keyVariable} is not set; sending a placeholder key (fine for local servers that need none)");
        try
        {
            var source = await ChatEndpointSource.OpenAsync(new ChatEndpointOptions
            {
                Endpoint = baseUri,
                Model = model,
                ApiKey = string.IsNullOrEmpty(key) ? "no-key" : key,
                Concurrency = result.GetValue(Concurrency),
                MaxRetries = result.GetValue(Retries),
                RequestTimeout = TimeSpan.FromSeconds(result.GetValue(RequestTimeout)),
                CachePath = result.GetValue(Cache)?.FullName,
            }, cancellationToken);
            return new OpenAnswers(source, source);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--concurrency, --retries or --request-timeout: {e.Message}");
        }
    }

    private static async Task WriteFilesAsync(ParseResult result, Scorecard scorecard, BaselineComparison? comparison, CancellationToken cancellationToken)
    {
        if (result.GetValue(Out) is { } json)
            await OutputFile.WriteAllTextAsync(json.Given(), ScorecardJson.Serialize(scorecard), cancellationToken);
        if (result.GetValue(Markdown) is { } markdown)
            await OutputFile.WriteAllTextAsync(markdown.Given(), ScorecardTable.Markdown(scorecard, comparison), cancellationToken);
        if (result.GetValue(JUnit) is { } junit)
        {
            await using var file = OutputFile.Create(junit.Given());
            await JUnitReport.WriteAsync(scorecard, file.Stream, cancellationToken);
            await file.CommitAsync();
        }
        foreach (var written in new[] { result.GetValue(Out), result.GetValue(Markdown), result.GetValue(JUnit) }.OfType<FileInfo>())
            Console.Error.WriteLine($"wrote {(written.Given() == "-" ? "standard output" : written.FullName)}");
    }

    /// <summary>The answer source, and the endpoint client to dispose when there is one.</summary>
    private sealed record OpenAnswers(IAnswerSource Source, IAsyncDisposable? Owned) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Owned?.DisposeAsync() ?? ValueTask.CompletedTask;
    }
}
