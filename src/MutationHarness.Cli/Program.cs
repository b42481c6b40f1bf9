using System.CommandLine;
using MutationHarness.Cli;
using MutationHarness.Cli.Commands;
using MutationHarness.Cli.Commands.FineTune;

var root = new RootCommand("""
    MutationHarness: runs original/mutated SQL pairs on real MySQL-family servers and checks that
    the mutant is its strategy at one site and that the results stand in the expected relation.

    Examples:
      harness generate --per-strategy 40 --seed 7 --out pairs.jsonl
      harness verify pairs.jsonl --out report.jsonl
      harness clean pairs.jsonl --out-dir dataset
      harness merge report-*.jsonl --out report.jsonl
      harness inspect dataset/train.jsonl
      harness finetune start --train dataset/train.jsonl --validation dataset/validation.jsonl --model gpt-4o-mini-2024-07-18 --wait
      harness check --strategy FixMWhere1U "SELECT 1 FROM t WHERE a > 0" "SELECT 1 FROM t WHERE 1"
    """)
{
    VerifyCommand.Create(),
    CleanCommand.Create(),
    InspectCommand.Create(),
    FineTuneCommand.Create(),
    EvalCommand.Create(),
    GenerateCommand.Create(),
    MutateCommand.Create(),
    CheckCommand.Create(),
    FixtureCommand.Create(),
    ServersCommand.Create(),
    MinimiseCommand.Create(),
    MergeCommand.Create(),
    SuiteCommand.Create(),
};
// '@file' names a SQL file for mutate and check, so System.CommandLine's response files are off.
var parsed = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
if (UnknownOptions.Report(parsed, Console.Error))
    return ExitCodes.Usage;
if (parsed.Errors.Count > 0 && parsed.Action is not System.CommandLine.Help.HelpAction)
{
    // Bad usage is exit 2 everywhere: 1 means "some record failed" (or "does not conform" for check).
    foreach (var error in parsed.Errors)
        Console.Error.WriteLine($"error: {error.Message}");
    Console.Error.WriteLine($"Run 'harness {CommandPath(parsed.CommandResult)}--help' for the options.");
    return ExitCodes.Usage;
}
// verify and clean handle SIGINT/SIGTERM themselves (finish the records in flight, keep the report, exit 130).
var ownSignals = parsed.CommandResult.Command.Name is "verify" or "clean";
return await parsed.InvokeAsync(ownSignals ? new InvocationConfiguration { ProcessTerminationTimeout = null } : null);

// "finetune start " for a subcommand, "" for the root.
string CommandPath(System.CommandLine.Parsing.CommandResult result) =>
    result.Command == root ? "" : (result.Parent is System.CommandLine.Parsing.CommandResult parent ? CommandPath(parent) : "") + result.Command.Name + " ";
