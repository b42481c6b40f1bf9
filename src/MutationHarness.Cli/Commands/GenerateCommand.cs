using System.CommandLine;
using MutationHarness.Core.Files;
using MutationHarness.Core.Strategies;
using MutationHarness.Databases.Targets;
using MutationHarness.Verification;
using MutationHarness.Verification.Generation;

namespace MutationHarness.Cli.Commands;

/// <summary><c>generate</c>: balanced verified pairs for every strategy, from nothing, as pair JSONL for clean.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var set = new VerifyOptionSet();
        var perStrategy = new Option<int>("--per-strategy", "-n") { Description = "Verified pairs to make for each strategy.", Required = true };
        var strategies = new Option<string[]>("--strategies", "-s") { Description = "Only these strategies, comma-separated or repeated (default: all 18)." };
        var seed = new Option<int>("--seed") { Description = "Seed of every random choice: the same seed and options give the same file, byte for byte.", DefaultValueFactory = _ => 0 };
        var dbmsLabel = new Option<string?>("--dbms-label") { Description = "The dbms every pair is labelled with: the flavour of one of the targets (default: the first target's)." };
        var output = new Option<string>("--out", "-o") { Description = "Where the pairs go (pair JSONL, one line per pair as it verifies); - for standard output.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the summary as JSON." };
        var command = new Command("generate", """
            Make verified training pairs for every strategy, from nothing: seed queries shaped like upstream's
            (derived tables, inner joins, WHERE/HAVING, IN lists, IN/EXISTS/ANY/ALL subqueries under NOT and
            IS FALSE, two-SELECT unions, LIKE and REGEXP between literals), steered so each strategy has sites at
            both polarities; every mutant checked exactly as verify checks a pair, on every target and database.
            Only verified pairs are written, N per strategy. Exit 0 when every strategy got its N, 1 when some
            fell short (the warning says why), 2 for bad usage, 3 when a target cannot start.

            Examples:
              harness generate --per-strategy 40 --seed 7 --out pairs.jsonl
              harness generate -n 500 --strategies RdMLikeU,RdMLikeL --databases 3 --out like.jsonl
              harness generate -n 100 --target local:mariadb --target container:mysql --dbms-label mysql --out pairs.jsonl
            """);
        set.AddOptionsTo(command);
        foreach (var option in new Option[] { perStrategy, strategies, seed, dbmsLabel, output, json })
            command.Add(option);
        command.SetAction((result, cancellationToken) => CommandGuard.RunAsync(async () =>
        {
            if (result.GetValue(perStrategy) < 1)
                throw new UsageException("--per-strategy must be at least 1");
            var names = Strategies(result.GetValue(strategies));
            var verify = set.Read(result);
            var asked = result.GetValue(dbmsLabel);
            // Known flavours are checked before any server starts; a connection string's once it answers.
            var specs = verify.Targets.Select(TargetSpec.Parse).ToList();
            if (specs.All(s => s.Kind != TargetKind.ConnectionString))
                Label(asked, specs.Select(s => (s.DisplayName, s.Flavor)).ToList());

            Console.Error.WriteLine($"starting {string.Join(", ", specs.Select(s => s.DisplayName))} …");
            await using var verifier = await Verifier.StartAsync(verify, StrategyCatalog.Default, new TargetOpener(), cancellationToken);
            Console.Error.WriteLine($"targets: {string.Join("; ", verifier.TargetDescriptions)}");
            var options = new GenerationOptions
            {
                PerStrategy = result.GetValue(perStrategy),
                Strategies = names,
                Seed = result.GetValue(seed),
                Dbms = Label(asked, verifier.OpenTargets.Select(t => (t.Target.Name, t.Target.Server.Flavor)).ToList()),
            };
            var generator = new PairGenerator(verifier, options);
            var path = result.GetValue(output)!;
            var interrupted = await GenerationRun.WriteAsync(generator, path, cancellationToken);
            var toStdout = path == "-";
            GenerationPrinter.Print(generator.Summary, verify, verifier.TargetDescriptions, result.GetValue(json), toStdout ? Console.Error : Console.Out);
            if (interrupted)
            {
                Console.Error.WriteLine($"interrupted: the {generator.Summary.Written:N0} pairs verified so far are in {path}");
                return 130;
            }

            return generator.Summary.Complete ? ExitCodes.Ok : ExitCodes.Failed;
        }));
        return command;
    }

    private static string Label(string? asked, IReadOnlyList<(string Target, ServerFlavor Flavor)> targets)
    {
        var (label, error) = DbmsLabels.Choose(asked, targets);
        return label ?? throw new UsageException(error!);
    }

    /// <summary>The strategies named (comma-separated or repeated; any case), in catalog order; all when none.</summary>
    private static List<string> Strategies(string[]? given)
    {
        var catalog = StrategyCatalog.Default;
        if (given is null || given.Length == 0)
            return [.. Sql.StrategyNames.All];
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in given.SelectMany(g => g.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            named.Add(catalog.Find(name)?.Name ?? throw new UsageException($"--strategies: unknown strategy '{name}' (see strategies/ for the 18 names)"));
        return Sql.StrategyNames.All.Where(named.Contains).ToList();
    }
}
