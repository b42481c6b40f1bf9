using System.CommandLine;
using MutationHarness.Core.Files;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Cli.Commands;

/// <summary><c>merge</c>: join the reports of <c>verify --shard K/N</c> runs into the report one unsharded run writes.</summary>
internal static class MergeCommand
{
    public static Command Create()
    {
        var reports = new Argument<string[]>("reports") { Description = "The shard reports, in any order.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Where the merged report goes; - for standard output.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON instead of a table." };
        var command = new Command("merge", """
            Join shard reports (verify --shard K/N) into the report an unsharded run writes: every record once, in
            input order, lines as the shards wrote them. A record missing from every report (a shard not given, or
            cut short), a record in two reports, or a report out of order is an error naming it (exit 2).
            Exit 0 when every record verified, 1 when some did not, as verify.

            Examples:
              harness merge report-1.jsonl report-2.jsonl report-3.jsonl report-4.jsonl --out report.jsonl
              harness merge shards/*.jsonl --out - | jq -c 'select(.verdict != "verified")'
            """) { reports, output, json };
        command.SetAction((result, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            var summary = new VerificationSummary();
            var target = result.GetValue(output)!;
            await OutputFile.WriteAsync(target, (stream, ct) => ReportMerger.MergeAsync(result.GetValue(reports)!, stream, summary, ct), cancellationToken);
            var onStdout = target == OutputPath.StandardOutputName;
            Console.Error.WriteLine($"merged {summary.Total:N0} records into {(onStdout ? "standard output" : Path.GetFullPath(target))}");
            SummaryPrinter.Print(summary, result.GetValue(json), onStdout ? Console.Error : Console.Out);
            return summary.AllVerified ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }
}
