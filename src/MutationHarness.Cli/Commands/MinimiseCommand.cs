using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using MutationHarness.Core.Files;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Databases.Targets;
using MutationHarness.Verification;
using MutationHarness.Verification.Minimising;

namespace MutationHarness.Cli.Commands;

/// <summary><c>minimise</c>: shrink a pair whose relation breaks on a target while it still conforms and still breaks there.</summary>
internal static class MinimiseCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var set = new VerifyOptionSet();
        var id = new Option<string?>("--id") { Description = "The record to minimise when the input holds several (default: the first)." };
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write the minimised pair here as one pair JSON line (id, strategy, original, mutated, setup), ready for verify." };
        var command = new Command("minimise", """
            Shrink a pair whose relation breaks on the target: leave out setup statements and VALUES rows, derived-table
            layers, joins, WHERE/HAVING clauses, conjuncts and select-list items, one cut at a time, keeping a cut only when
            the smaller pair still conforms to its strategy and still breaks on every re-run. Prints each kept cut and the
            final pair. Exit 0 when the pair broke (minimised or already minimal), 1 when it does not break there, 2 for bad
            usage, 3 when the target cannot start.

            Examples:
              harness minimise fixtures/bug-reports/pinolo-bugreports.jsonl --id mariadb-13
              harness minimise bug.jsonl --target local:mariadb:10.5 --out small.jsonl
            """);
        command.Aliases.Add("minimize");
        set.AddTo(command);
        command.Add(id);
        command.Add(output);
        command.SetAction((result, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            var options = set.Read(result) with { Jobs = 1 };
            if (options.Targets.Count != 1)
                throw new UsageException("minimise runs on one --target: the one the pair breaks on");
            var pair = await FindAsync(set.ReadInputs(result), result.GetValue(id), cancellationToken);
            Console.Error.WriteLine($"starting {TargetSpec.SafeName(options.Targets[0])} …");
            await using var verifier = await Verifier.StartAsync(options, StrategyCatalog.Default, new TargetOpener(), cancellationToken);
            var target = verifier.OpenTargets[0].Target.Name;
            var minimised = await Minimiser.MinimiseAsync(verifier, target, pair,
                step => Console.Error.WriteLine($"  kept: {step.Description}"), cancellationToken);
            if (!minimised.Reproduced)
            {
                Console.Error.WriteLine($"{pair.Id} does not break its relation on {target} ({minimised.FinalReport.Verdict.Name()}" +
                    $"{(minimised.FinalReport.Reason is { } reason ? ": " + reason : "")}); nothing to minimise.");
                return ExitCodes.Failed;
            }
            var final = minimised.Final;
            Console.Error.WriteLine($"minimised {pair.Id} on {target}: {minimised.Steps.Count} cut(s) kept of {minimised.Tried} tried; " +
                $"{pair.Original.Length + pair.Mutated.Length} → {final.Original.Length + final.Mutated.Length} characters of SQL, " +
                $"{pair.Setup.Count} → {final.Setup.Count} setup statements");
            foreach (var statement in final.Setup)
                Console.WriteLine(statement.TrimEnd().TrimEnd(';') + ";");
            Console.WriteLine($"-- original\n{final.Original}\n-- mutated ({final.Strategy})\n{final.Mutated}");
            if (result.GetValue(output) is { } file)
            {
                var line = JsonSerializer.Serialize(new { id = final.Id, strategy = final.Strategy, original = final.Original, mutated = final.Mutated, setup = final.Setup }, Json);
                await OutputFile.WriteAllTextAsync(file.Given(), line + "\n", cancellationToken);
                Console.Error.WriteLine($"wrote {(file.Given() == OutputPath.StandardOutputName ? "standard output" : file.FullName)}");
            }
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static async Task<MutationPair> FindAsync(IReadOnlyList<string> inputs, string? id, CancellationToken cancellationToken)
    {
        var records = new RecordReader(StrategyCatalog.Default).ReadAsync(InputSources.Expand(inputs), Console.In, cancellationToken);
        await foreach (var record in records)
        {
            if (id is not null && record.Id != id)
                continue;
            return record.Pair ?? throw new UsageException($"record {record.Id} ({record.Source}) cannot be read: {record.Problem}");
        }
        throw new UsageException(id is null ? $"no record in {string.Join(", ", inputs)}" : $"no record with id '{id}' in {string.Join(", ", inputs)}");
    }
}
