using System.CommandLine;
using System.Text.Json;
using MutationHarness.Core.Strategies;
using MutationHarness.Sql;

namespace MutationHarness.Cli.Commands;

/// <summary><c>check</c>: conformance and expected direction of one pair, no server needed.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var strategy = new Option<string>("--strategy", "-s") { Description = "The strategy the mutant claims to apply (e.g. FixMWhere1U).", Required = true };
        var original = new Argument<string>("original") { Description = "The seed query, or @file to read it from a file." };
        var mutant = new Argument<string>("mutant") { Description = "The mutated query, or @file." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("check", """
            Check that MUTANT is STRATEGY applied at exactly one site of ORIGINAL, and print the expected
            relation from the polarity walk. No server is needed. Exit 0 when it conforms, 1 when not.

            Examples:
              harness check --strategy FixMWhere1U "SELECT a FROM t WHERE a > 0" "SELECT a FROM t WHERE 1"
              harness check -s FixMCmpOpU "SELECT 1 FROM t WHERE NOT (a > 0)" "SELECT 1 FROM t WHERE NOT (a >= 0)"
              harness check -s FixMDistinctL @seed.sql @mutant.sql --json
            """) { strategy, original, mutant, json };
        command.SetAction((result, _) => CommandGuard.RunAsync(() =>
        {
            var name = result.GetValue(strategy)!;
            if (StrategyCatalog.Default.Find(name) is not { } known)
                throw new UsageException($"unknown strategy '{name}'; one of: {string.Join(", ", StrategyCatalog.Default.All.Select(s => s.Name).Order())}");
            var (seedSql, mutantSql) = (SqlArgument.Read(result.GetValue(original)!), SqlArgument.Read(result.GetValue(mutant)!));
            var check = Conformance.Check(known.Name, seedSql, mutantSql);
            var flags = NonDeterminism.Find(seedSql).Concat(NonDeterminism.Find(mutantSql)).Distinct(StringComparer.Ordinal).ToList();
            Print(known.Name, check, flags, result.GetValue(json));
            return Task.FromResult(check.Conforms ? ExitCodes.Ok : ExitCodes.Failed);
        }));
        return command;
    }

    private static void Print(string strategy, ConformanceResult check, IReadOnlyList<string> flags, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                strategy,
                conforms = check.Conforms,
                site = check.Site,
                isUpper = check.IsUpper,
                expected = check.IsUpper is { } up ? (up ? "superset" : "subset") : null,
                failure = check.Failure?.ToString(),
                reason = check.Reason,
                otherStrategy = check.OtherStrategy,
                flags,
            }));
            return;
        }
        if (check.Conforms)
        {
            var relation = check.IsUpper == true ? "R(original) ⊆ R(mutant)  (upper: the result must not shrink)" : "R(mutant) ⊆ R(original)  (lower: the result must not grow)";
            Console.WriteLine($"conforms: {strategy} at {check.Site}");
            Console.WriteLine($"expected: {relation}");
            if (flags.Count > 0)
                Console.WriteLine($"non-deterministic: {string.Join(", ", flags)} (a broken relation would be unstable, not a bug)");
            return;
        }
        Console.WriteLine($"does not conform to {strategy}: {check.Reason}");
        if (check.OtherStrategy is { } other)
            Console.WriteLine($"that change is what {other} makes");
    }
}
