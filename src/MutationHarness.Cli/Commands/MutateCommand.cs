using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using MutationHarness.Core.Files;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Strategies;
using MutationHarness.Sql;

namespace MutationHarness.Cli.Commands;

/// <summary><c>mutate</c>: list every valid mutant of a query, or of every seed of a file, under one strategy or all of them.</summary>
internal static class MutateCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var seed = new Argument<string?>("sql") { Description = "The seed query, or @file to read it from a file.", Arity = ArgumentArity.ZeroOrOne };
        var seeds = new Option<string?>("--seeds") { Description = "A file of seeds (- for standard input): one query per line, or JSONL records whose original (or user message) is the seed. Writes pair JSONL." };
        var strategy = new Option<string?>("--strategy", "-s") { Description = "Only this strategy (default: all 18)." };
        var randomSeed = new Option<int>("--seed") { Description = "Random seed for the RdM* strategies.", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "Pair JSONL, one object per mutant (id, strategy, original, mutated, isUpper, site): what verify and clean read." };
        var output = new Option<string?>("--out", "-o") { Description = "Write the pair JSONL here instead of standard output." };
        var command = new Command("mutate", """
            List every valid mutant of a seed query: one per site for the FixM* strategies, random draws
            for the RdM* ones, each with its site and expected direction. No server is needed. With --seeds,
            every seed of a file is mutated and the pairs are written as pair JSONL (the original included);
            a seed with no mutant for a strategy is reported on standard error with why.

            Examples:
              harness mutate "SELECT DISTINCT a FROM t WHERE a > 1 AND NOT (b = 2)"
              harness mutate @seed.sql --strategy FixMCmpOpU --json
              harness mutate --seeds seeds.txt --strategy RdMLikeU --out pairs.jsonl
            """) { seed, seeds, strategy, randomSeed, json, output };
        command.SetAction((result, _) => CommandGuard.RunAsync(async () =>
        {
            var name = result.GetValue(strategy);
            if (name is not null && StrategyCatalog.Default.Find(name) is null)
                throw new UsageException($"unknown strategy '{name}'");
            var only = StrategyCatalog.Default.Find(name)?.Name;
            var file = result.GetValue(seeds);
            var query = result.GetValue(seed);
            if ((file is null) == (query is null))
                throw new UsageException("give one seed query (or @file), or --seeds FILE");
            var lines = file is not null ? SeedFile.Read(file)
                : [new SeedLine(new SourceLocation("argument", 0), "seed", SqlArgument.Read(query!), null)];
            var asJson = result.GetValue(json) || file is not null;
            // Written as every output is: - is standard output, a symlink is followed, a FIFO or a device written through.
            await using var pairsOut = result.GetValue(output) is { } path ? OutputFile.Create(path) : null;
            var (mutants, unreadable) = (0, 0);
            await using (var target = pairsOut is null ? null : new StreamWriter(pairsOut.Stream, leaveOpen: true))
            {
                var writer = target ?? Console.Out;
                foreach (var line in lines)
                {
                    var written = Mutate(line, only, result.GetValue(randomSeed), asJson, writer);
                    mutants += Math.Max(0, written);
                    unreadable += written < 0 ? 1 : 0;
                }
            }
            if (pairsOut is not null)
                await pairsOut.CommitAsync();

            Console.Error.WriteLine($"{mutants} mutant(s)" + (unreadable > 0 ? $"; {unreadable} seed(s) could not be read" : ""));
            return unreadable > 0 && file is not null ? ExitCodes.Failed : ExitCodes.Ok;
        }));
        return command;
    }

    /// <summary>Writes the seed's mutants and says on standard error why a strategy has none; -1 when the seed is unreadable.</summary>
    private static int Mutate(SeedLine line, string? only, int randomSeed, bool asJson, TextWriter writer)
    {
        SqlSyntaxError? error = null;
        if (line.Problem is not null || SqlParser.TryParse(line.Sql!, out error) is null)
        {
            var problem = line.Problem ?? (line.Source.Line > 0 ? $"{line.Source}: " : "") + $"the query does not parse: {error?.Message}";
            if (line.Source.Line == 0)
                throw new UsageException(problem);
            Console.Error.WriteLine(problem);
            return -1;
        }

        var sql = line.Sql!;
        var mutants = Mutants.Enumerate(sql, only, randomSeed);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mutant in mutants)
        {
            counts[mutant.Strategy] = counts.GetValueOrDefault(mutant.Strategy) + 1;
            if (asJson)
            {
                writer.WriteLine(JsonSerializer.Serialize(new
                {
                    id = $"{line.Id}-{mutant.Strategy}-{counts[mutant.Strategy]}",
                    strategy = mutant.Strategy,
                    original = sql,
                    mutated = mutant.Sql,
                    isUpper = mutant.IsUpper,
                    site = mutant.Site,
                }, Json));
            }
            else
            {
                writer.WriteLine($"{mutant.Strategy,-16} {(mutant.IsUpper ? "upper" : "lower")}  {mutant.Site}\n  {mutant.Sql}");
            }
        }

        var missing = (only is null ? StrategyNames.All : [only]).Where(s => !counts.ContainsKey(s)).ToList();
        if (only is not null || mutants.Count == 0)
        {
            foreach (var strategy in missing)
                Console.Error.WriteLine($"{Where(line)}no {strategy} mutant: {WhyNone(sql, strategy)}");
        }
        else if (missing.Count > 0)
        {
            Console.Error.WriteLine($"{Where(line)}{mutants.Count} mutant(s) of {counts.Count} strategies; none for {string.Join(", ", missing)} (--strategy S says why)");
        }

        return mutants.Count;
    }

    private static string Where(SeedLine line) => line.Source.Line > 0 ? $"{line.Source}: " : string.Empty;

    /// <summary>Why the seed has no mutant: no place of the strategy's kind at all, or what each place lacks.</summary>
    private static string WhyNone(string sql, string strategy)
    {
        var survey = SiteSurvey.Of(sql, strategy);
        if (survey.Sites == 0 && StrategyCatalog.Default.Find(strategy) is { } entry)
            return $"the query has no {WithoutArticle(entry.Site)} (the strategy needs: {entry.Precondition})";
        if (survey.Unusable.Count > 0)
            return string.Join("; ", survey.Unusable);
        return "every random draw left the site unchanged: try another --seed";
    }

    private static string WithoutArticle(string site) =>
        site.StartsWith("a ", StringComparison.Ordinal) ? site[2..] : site.StartsWith("an ", StringComparison.Ordinal) ? site[3..] : site;
}
