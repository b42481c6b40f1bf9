using System.CommandLine;
using MutationHarness.Cli.Commands;

var root = new RootCommand("""
    MutationHarness: runs original/mutated SQL pairs on real MySQL-family servers and checks that
    the mutant is its strategy at one site and that the results stand in the expected relation.

    Examples:
      harness verify pairs.jsonl --out report.jsonl
      harness clean pairs.jsonl --out-dir dataset
      harness inspect dataset/train.jsonl
      harness check --strategy FixMWhere1U "SELECT 1 FROM t WHERE a > 0" "SELECT 1 FROM t WHERE 1"
    """)
{
    VerifyCommand.Create(),
    CleanCommand.Create(),
    InspectCommand.Create(),
    EvalCommand.Create(),
    MutateCommand.Create(),
    CheckCommand.Create(),
    FixtureCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
