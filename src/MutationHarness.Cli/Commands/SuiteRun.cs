using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Databases.Targets;
using MutationHarness.Suites;
using MutationHarness.Verification;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Cli.Commands;

/// <summary>Runs a suite's pairs through the verifier exactly as <c>verify</c> would, judging each report as it arrives.</summary>
internal static class SuiteRun
{
    public static async Task<SuiteJudgement> RunAsync(Suite suite, string[]? targets, int? jobs, CancellationToken cancellationToken)
    {
        var defaults = new VerifyOptions();
        var options = defaults with
        {
            Targets = targets is { Length: > 0 } ? targets : suite.Targets.Count > 0 ? suite.Targets : defaults.Targets,
            Jobs = jobs ?? suite.Run.Jobs ?? defaults.Jobs,
            StatementTimeout = suite.Run.Timeout is { } seconds ? TimeSpan.FromSeconds(seconds) : defaults.StatementTimeout,
            Reruns = suite.Run.Reruns ?? defaults.Reruns,
            Databases = suite.Run.Databases ?? defaults.Databases,
        };
        if (options.Jobs < 1 || options.Databases < 1 || options.StatementTimeout <= TimeSpan.Zero)
            throw new UsageException($"{suite.Path}: jobs and databases must be at least 1 and timeout above 0");
        var files = InputSources.Expand(suite.ResolvedInputs);
        var catalog = StrategyCatalog.Default;
        Console.Error.WriteLine($"suite {suite.Name}: starting {string.Join(", ", options.Targets.Select(TargetSpec.SafeName))} …");
        await using var verifier = await Verifier.StartAsync(options, catalog, new TargetOpener(), cancellationToken);
        var servers = verifier.OpenTargets
            .Select(t => new ServerIdentity(t.Target.Name, t.Target.Server.Flavor.ToString(), t.Target.Server.Version)).ToList();
        var judgement = new SuiteJudgement(suite, servers);
        using (var progress = new ProgressLine(new VerificationSummary(), ProgressLine.CountRecords(files)))
        {
            var records = new RecordReader(catalog).ReadAsync(files, TextReader.Null, cancellationToken);
            await foreach (var report in verifier.VerifyAllAsync(records, cancellationToken))
            {
                progress.Add(report);
                judgement.Add(report);
            }
        }
        judgement.Complete();
        return judgement;
    }
}
