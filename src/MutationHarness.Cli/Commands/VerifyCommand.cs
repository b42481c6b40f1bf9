using System.CommandLine;
using MutationHarness.Core.Records;
using MutationHarness.Verification;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Cli.Commands;

/// <summary><c>verify</c>: check pairs on real servers and stream the verdict report; a test-runner gate.</summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var set = new VerifyOptionSet();
        var output = new Option<string?>("--out", "-o") { Description = "Write the verdict report here as each record finishes (one JSON line per input record, in input order); - for standard output." };
        var resume = new Option<bool>("--resume") { Description = "Keep the whole lines of an existing --out report, skip their records, and append the rest (after Ctrl-C, a killed run, a lost server). Without a report there, start one." };
        var shard = new Option<string?>("--shard") { Description = "Run only shard K of N (K/N, from 1/N to N/N): the records whose id hashes to it. 'harness merge' joins the shard reports." };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON instead of a table." };
        var command = new Command("verify", """
            Check every pair: both sides are single read-only SELECTs, the mutant conforms to its strategy at
            one site, both run on every target, and the results stand in the expected relation.
            Exit 0 when every pair verified, 1 when some did not, 2 for bad usage, 3 when a target cannot start,
            130 when stopped by Ctrl-C or SIGTERM (the report keeps every finished record; finish it with --resume).

            Examples:
              harness verify pairs.jsonl --out report.jsonl
              harness verify pairs.jsonl --out report.jsonl --resume          # after an interruption
              harness verify pairs.jsonl --shard 2/4 --out report-2.jsonl     # one machine's part; then harness merge
              harness verify findings/ --target local:mariadb --target "Server=127.0.0.1;Port=4000;User=root"
              harness verify pairs.jsonl -t local:mariadb:10.5 -t local:mariadb -t local:mariadb:11.8 --junit verify.xml --bundles bugs/
              cat pairs.jsonl | harness verify - --databases 3 --json
            """);
        set.AddTo(command);
        ExtraOutputs.AddTo(command);
        foreach (var option in new Option[] { output, resume, shard, json })
            command.Add(option);
        command.SetAction((result, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            var options = set.Read(result);
            var inputs = set.ReadInputs(result);
            var part = result.GetValue(shard) is { } text ? ParseShard(text) : Shard.All;
            if (result.GetValue(resume) && result.GetValue(output) is null)
                throw new UsageException("--resume continues the report named by --out: give --out FILE");
            if (result.GetValue(output) is { } given && Core.Files.OutputPath.Resolve(given).FirstSameFile(InputSources.Expand(inputs)) is { } input)
                throw new UsageException($"--out {given} is also an input ({input}): the report would empty the pairs it is made from; give another file");
            await using var report = result.GetValue(output) is { } path
                ? await ReportFile.OpenAsync(path, result.GetValue(resume), cancellationToken)
                : null;
            if (report?.Resumed is { } resumed)
                Console.Error.WriteLine($"resuming {report.Name}: {resumed.Count:N0} records already reported" +
                    (resumed.DroppedBytes > 0 ? $"; a torn last line ({resumed.DroppedBytes:N0} bytes) dropped" : ""));
            var summary = report?.Resumed?.Summary ?? new VerificationSummary();

            await using var extra = ExtraOutputs.Read(result, options);
            var failing = report is null && !result.GetValue(json) ? new FailingRecords() : null;
            var end = await PairRun.RunAsync(options, inputs, new RecordSelection(part, report?.Resumed), summary, async r =>
            {
                if (report is not null)
                    await WriteAsync(report, r);
                await extra.AddAsync(r, CancellationToken.None);
                failing?.Add(r);
            }, extra.Started);
            await extra.CompleteAsync(summary, cancellationToken);
            if (report is not null)
                Console.Error.WriteLine($"report: {(report.Path.IsRegularFile ? Path.GetFullPath(report.Path.Given) : report.Name)}");
            // With the report on standard output, the summary keeps out of its way.
            var onStdout = report?.Path.Kind == Core.Files.OutputKind.StandardOutput;
            SummaryPrinter.Print(summary, result.GetValue(json), onStdout ? Console.Error : Console.Out);
            if (!end.Finished)
            {
                failing?.Print(Console.Out);
                end.Explain();
                Console.Error.WriteLine(report is { Path.IsRegularFile: true }
                    ? $"stopped early: {summary.Total:N0} records are in {report.Name}; resume with --resume (the same command plus --resume)"
                    : $"stopped early after {summary.Total:N0} records");
                return end.ExitCode;
            }
            if (!result.GetValue(json))
                DifferentialPrinter.Print(extra.Differential, onStdout ? Console.Error : Console.Out);
            failing?.Print(Console.Out);
            return summary.AllVerified ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    // A report line that cannot be written (a full disk, an output that refuses writes) ends the run with the lines before it kept.
    private static async Task WriteAsync(ReportFile report, PairReport line)
    {
        try
        {
            await report.Writer.WriteAsync(line, CancellationToken.None);
        }
        catch (IOException e)
        {
            var resume = report.Path.IsRegularFile ? ": make room and run the same command with --resume (a torn last line is dropped)" : "";
            throw new Core.Files.OutputException($"writing the report {report.Name} failed ({e.Message}); the records before record {line.Id} are in it{resume}");
        }
    }

    private static Shard ParseShard(string text)
    {
        try
        {
            return Shard.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
