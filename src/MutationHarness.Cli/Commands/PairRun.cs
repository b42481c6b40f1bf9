using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Databases.Targets;
using MutationHarness.Verification;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Cli.Commands;

/// <summary>The shared work of verify and clean: open the targets, stream the selected records through the verifier.</summary>
internal static class PairRun
{
    /// <summary>Verifies the selected records, adding each report to <paramref name="summary"/> and handing it on in input
    /// order; says how the run ended (when stopped early, every report finished in order was still handed on).</summary>
    public static async Task<RunEnd> RunAsync(VerifyOptions options, IReadOnlyList<string> inputs, RecordSelection selection,
        VerificationSummary summary, Func<PairReport, Task> onReport, Action<Verifier>? onStarted = null)
    {
        var files = InputSources.Expand(inputs);
        var catalog = StrategyCatalog.Default;
        if (!files.Contains(InputSources.StandardInput))
            await selection.CheckResumedAsync(new RecordReader(catalog).ReadAsync(files, TextReader.Null, CancellationToken.None), CancellationToken.None);
        using var stop = new RunStop();
        using var signals = new InterruptSignals(stop, options.StatementTimeout + TimeSpan.FromSeconds(1));
        Console.Error.WriteLine($"starting {string.Join(", ", options.Targets.Select(TargetSpec.SafeName))} …");
        // A signal while the targets start stops the start: there is nothing in flight to finish yet.
        await using var verifier = await Verifier.StartAsync(options, catalog, new TargetOpener(), stop.Taking);
        Console.Error.WriteLine($"targets: {string.Join("; ", verifier.TargetDescriptions)}");
        onStarted?.Invoke(verifier);
        verifier.Notice = notice => Console.Error.WriteLine($"notice: {notice}");

        using var progress = new ProgressLine(summary, selection.Sharded ? null : ProgressLine.CountRecords(files));
        var records = selection.SelectAsync(new RecordReader(catalog).ReadAsync(files, Console.In, CancellationToken.None), CancellationToken.None);
        try
        {
            await foreach (var report in verifier.VerifyAllAsync(records, stop.Taking, stop.Working))
            {
                summary.Add(report);
                progress.Add(report);
                await onReport(report);
            }
        }
        catch (OperationCanceledException) when (stop.Requested)
        {
            // Records abandoned in flight get no line; a resumed run verifies them.
        }
        catch (TargetFailedException e)
        {
            return new RunEnd(RunEndKind.TargetFailed, e.Message);
        }
        return new RunEnd(stop.Requested ? RunEndKind.Interrupted : RunEndKind.Finished, null);
    }
}

/// <summary>How a run ended.</summary>
internal enum RunEndKind { Finished, Interrupted, TargetFailed }

/// <summary>How a run ended, with why when a target failed.</summary>
internal sealed record RunEnd(RunEndKind Kind, string? Failure)
{
    public bool Finished => Kind == RunEndKind.Finished;

    /// <summary>The exit code of a run that did not finish.</summary>
    public int ExitCode => Kind == RunEndKind.TargetFailed ? ExitCodes.TargetFailed : InterruptSignals.ExitCode;

    /// <summary>Says why the run stopped early.</summary>
    public void Explain()
    {
        if (Kind == RunEndKind.TargetFailed)
            Console.Error.WriteLine($"error: {Failure}");
    }
}
