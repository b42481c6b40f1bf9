using System.CommandLine;
using MutationHarness.Core.Files;
using MutationHarness.Suites;

namespace MutationHarness.Cli.Commands;

/// <summary><c>suite run|record</c>: a verification suite (YAML) judged against a run, as a test runner runs it.</summary>
internal static class SuiteCommand
{
    private static readonly Argument<FileInfo> File = new("suite") { Description = "The suite file (YAML): name, inputs, targets, run options, expectations." };
    private static readonly Option<string[]> Target = new("--target", "-t") { Description = "Run on these targets instead of the suite's own (repeatable)." };
    private static readonly Option<int?> Jobs = new("--jobs", "-j") { Description = "Pairs in flight at once (default: the suite's, else the core count)." };

    public static Command Create() => new("suite", """
        Verification suites: a YAML file says which pairs run where and the verdict each should get
        (default verified; per pair, optionally per server or version range, with a reason or bug link).

        Examples:
          harness suite run fixtures/suites/bug-reports.yaml --junit suite.xml
          harness suite record fixtures/suites/bug-reports.yaml --dry-run
        """)
    {
        RunCommand(),
        RecordCommand(),
    };

    private static Command RunCommand()
    {
        var junit = new Option<FileInfo?>("--junit") { Description = "Write JUnit XML: a test case per pair (per target), failing when its verdict changed." };
        var markdown = new Option<FileInfo?>("--markdown") { Description = "Write a Markdown summary (for a CI step page)." };
        var command = new Command("run", """
            Run the suite's pairs and judge each against its expectation: a known bug that still reproduces
            passes (and is reported as such); a changed verdict fails, with the old and the new one.
            Exit 0 when every expectation held, 1 when some changed, 2 for a bad suite, 3 when a target cannot start.
            """) { File, Target, Jobs, junit, markdown };
        command.SetAction((result, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            var judgement = await SuiteRun.RunAsync(Read(result), result.GetValue(Target), result.GetValue(Jobs), cancellationToken);
            Console.Out.Write(SuiteReports.Text(judgement));
            if (result.GetValue(junit) is { } junitFile)
            {
                await OutputFile.WriteAsync(junitFile.Given(), (stream, ct) => SuiteReports.WriteJUnitAsync(judgement, stream, ct), cancellationToken);
                Console.Error.WriteLine($"junit: {junitFile.Given()}");
            }
            if (result.GetValue(markdown) is { } markdownFile)
            {
                await OutputFile.WriteAllTextAsync(markdownFile.Given(), SuiteReports.Markdown(judgement), cancellationToken);
                Console.Error.WriteLine($"markdown: {markdownFile.Given()}");
            }
            return judgement.AllHeld ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    private static Command RecordCommand()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would change, write nothing." };
        var command = new Command("record", """
            Run the suite's pairs and write what they did as its expectations (a new baseline, accepted
            deliberately): rules that still hold stay with their reasons and links; the changes are shown as a diff.
            Comments outside 'expect:' are kept. Exit 0.
            """) { File, Target, Jobs, dryRun };
        command.SetAction((result, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            var suite = Read(result);
            var judgement = await SuiteRun.RunAsync(suite, result.GetValue(Target), result.GetValue(Jobs), cancellationToken);
            var (expectations, changes) = SuiteRecorder.Record(judgement);
            foreach (var change in changes)
                Console.Out.WriteLine(change);
            if (changes.Count == 0)
            {
                Console.Out.WriteLine($"no change: every expectation of {suite.Path} held");
                return ExitCodes.Ok;
            }
            if (result.GetValue(dryRun))
            {
                Console.Out.WriteLine($"{changes.Count:N0} changes (not written: --dry-run)");
                return ExitCodes.Ok;
            }
            var text = await System.IO.File.ReadAllTextAsync(suite.Path, cancellationToken);
            var updated = SuiteFileWriter.Update(text, expectations, judgement.Observed.Select(o => o.Id));
            await OutputFile.WriteAllTextAsync(suite.Path, updated, cancellationToken);
            Console.Out.WriteLine($"{changes.Count:N0} changes written to {suite.Path}");
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static Suite Read(ParseResult result)
    {
        try
        {
            return SuiteReader.Read(result.GetValue(File)!.FullName);
        }
        catch (SuiteException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
