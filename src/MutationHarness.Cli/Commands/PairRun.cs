using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Databases.Targets;
using MutationHarness.Verification;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Cli.Commands;

/// <summary>The shared work of verify and clean: open the targets, stream every record through the verifier.</summary>
internal static class PairRun
{
    /// <summary>Verifies every record, handing each report on in input order; returns the summary.</summary>
    public static async Task<VerificationSummary> RunAsync(VerifyOptions options, IReadOnlyList<string> inputs,
        Func<PairReport, CancellationToken, Task> onReport, CancellationToken cancellationToken, Action<Verifier>? onStarted = null)
    {
        var files = InputSources.Expand(inputs);
        var catalog = StrategyCatalog.Default;
        Console.Error.WriteLine($"starting {string.Join(", ", options.Targets.Select(TargetSpec.SafeName))} …");
        await using var verifier = await Verifier.StartAsync(options, catalog, new TargetOpener(), cancellationToken);
        Console.Error.WriteLine($"targets: {string.Join("; ", verifier.TargetDescriptions)}");
        onStarted?.Invoke(verifier);

        var summary = new VerificationSummary();
        using var progress = new ProgressLine(summary);
        var records = new RecordReader(catalog).ReadAsync(files, Console.In, cancellationToken);
        await foreach (var report in verifier.VerifyAllAsync(records, cancellationToken))
        {
            summary.Add(report);
            await onReport(report, cancellationToken);
        }
        return summary;
    }
}
