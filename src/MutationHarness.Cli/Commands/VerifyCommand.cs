using System.CommandLine;
using MutationHarness.Core.Files;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Cli.Commands;

/// <summary><c>verify</c>: check pairs on real servers and write the verdict report; a test-runner gate.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var set = new VerifyOptionSet();
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the verdict report (one JSON line per input record, in input order) here." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON instead of a table." };
        var command = new Command("verify", """
            Check every pair: both sides are single read-only SELECTs, the mutant conforms to its strategy at
            one site, both run on every target, and the results stand in the expected relation.
            Exit 0 when every pair verified, 1 when some did not, 2 for bad usage, 3 when a target cannot start.

            Examples:
              harness verify pairs.jsonl --out report.jsonl
              harness verify findings/ --target local:mariadb --target "Server=127.0.0.1;Port=4000;User=root"
              harness verify pairs.jsonl -t local:mariadb:10.5 -t local:mariadb -t local:mariadb:11.8 --junit verify.xml --bundles bugs/
              cat pairs.jsonl | harness verify - --databases 3 --json
            """);
        set.AddTo(command);
        ExtraOutputs.AddTo(command);
        command.Add(output);
        command.Add(json);
        command.SetAction((result, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            var options = set.Read(result);
            var inputs = set.ReadInputs(result);
            await using var file = result.GetValue(output) is { } path ? AtomicFile.Create(path.FullName) : null;
            var sink = file is null ? null : new ReportWriter(file.Stream);
            await using var extra = ExtraOutputs.Read(result, options);
            var summary = await PairRun.RunAsync(options, inputs, async (report, ct) =>
            {
                if (sink is not null)
                    await sink.WriteAsync(report, ct);
                await extra.AddAsync(report, ct);
            }, cancellationToken, extra.Started);
            await extra.CompleteAsync(summary, cancellationToken);
            if (sink is not null && file is not null)
            {
                await sink.FlushAsync(cancellationToken);
                await file.CommitAsync();
                Console.Error.WriteLine($"report: {result.GetValue(output)!.FullName}");
            }
            SummaryPrinter.Print(summary, result.GetValue(json), Console.Out);
            if (!result.GetValue(json))
                DifferentialPrinter.Print(extra.Differential, Console.Out);
            return summary.AllVerified ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }
}
