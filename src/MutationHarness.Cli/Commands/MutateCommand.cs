using System.CommandLine;
using System.Text.Json;
using MutationHarness.Core.Strategies;
using MutationHarness.Sql;

namespace MutationHarness.Cli.Commands;

/// <summary><c>mutate</c>: list every valid mutant of a query under one strategy or all of them.</summary>
internal static class MutateCommand
{
    public static Command Create()
    {
        var seed = new Argument<string>("sql") { Description = "The seed query, or @file to read it from a file." };
        var strategy = new Option<string?>("--strategy", "-s") { Description = "Only this strategy (default: all 18)." };
        var randomSeed = new Option<int>("--seed") { Description = "Random seed for the RdM* strategies.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "One JSON object per mutant (strategy, site, isUpper, sql)." };
        var command = new Command("mutate", """
            List every valid mutant of a seed query: one per site for the FixM* strategies, random draws
            for the RdM* ones, each with its site and expected direction. No server is needed.

            Examples:
              harness mutate "SELECT DISTINCT a FROM t WHERE a > 1 AND NOT (b = 2)"
              harness mutate @seed.sql --strategy FixMCmpOpU --json
            """) { seed, strategy, randomSeed, json };
        command.SetAction((result, _) => CommandGuard.RunAsync(() =>
        {
            var name = result.GetValue(strategy);
            if (name is not null && StrategyCatalog.Default.Find(name) is null)
                throw new UsageException($"unknown strategy '{name}'");
            var sql = SqlArgument.Read(result.GetValue(seed)!);
            if (SqlParser.TryParse(sql, out var error) is null)
                throw new UsageException($"the query does not parse: {error?.Message}");
            var mutants = Mutants.Enumerate(sql, StrategyCatalog.Default.Find(name)?.Name, result.GetValue(randomSeed));
            foreach (var mutant in mutants)
            {
                if (result.GetValue(json))
                    Console.WriteLine(JsonSerializer.Serialize(new { strategy = mutant.Strategy, site = mutant.Site, isUpper = mutant.IsUpper, sql = mutant.Sql }));
                else
                    Console.WriteLine($"{mutant.Strategy,-16} {(mutant.IsUpper ? "upper" : "lower")}  {mutant.Site}\n  {mutant.Sql}");
            }
            if (!result.GetValue(json))
                Console.Error.WriteLine($"{mutants.Count} mutant(s)");
            return Task.FromResult(ExitCodes.Ok);
        }));
        return command;
    }
}
