using System.Diagnostics;
using System.Globalization;
using System.Text;
using MutationHarness.Core.Chat;
using MutationHarness.FineTuning;

namespace MutationHarness.Benchmarks;

/// <summary>Times the full token statistics of 100,000 realistic examples held in memory (goal: at most 2 s on 2 cores).</summary>
public static class TokenStatisticsBenchmark
{
    private const int ExampleCount = 100_000;
    private static readonly string[] Strategies = ["FixMDistinctU", "FixMDistinctL", "FixMCmpOpU", "FixMCmpOpL", "FixMWhere1U", "FixMHaving1U", "FixMOn1U", "RdMLikeU"];
    private static readonly string[] Dbms = ["MySQL", "MariaDB", "TiDB", "OceanBase"];
    private static readonly string[] Columns = ["col_int", "col_bigint_key_signed", "col_double_key_unsigned", "col_varchar_20_key", "col_decimal_40_20", "col_char_20", "f7", "f8", "f9"];
    private static readonly string[] Functions = ["OCTET_LENGTH", "FORMAT_BYTES", "DATE_ADD", "CAST", "ABS", "COALESCE", "HEX", "LENGTH"];

    /// <summary>Generates the examples, computes the statistics and prints the elapsed time and throughput (never asserts).</summary>
    public static void Run(TextWriter output)
    {
        var catalog = ModelCatalog.LoadDefault();
        var model = catalog.Find(ModelCatalog.DefaultModel);
        var examples = Generate(new Random(20250601), ExampleCount);
        var characters = examples.Sum(e => e.Messages.Sum(m => (long)m.Content.Length));

        // Loading the tokenizer is a one-off cost per process, timed apart; a small warm-up run
        // lets the JIT finish with the hot loops before the clock starts.
        var load = Stopwatch.StartNew();
        TokenCounter.ForModel(model).CountTokens("warm up");
        load.Stop();
        TrainingStatisticsCalculator.Compute(Generate(new Random(1), 20_000), model, catalog.PricesAsOf);

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var timer = Stopwatch.StartNew();
        var statistics = TrainingStatisticsCalculator.Compute(examples, model, catalog.PricesAsOf);
        timer.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var seconds = timer.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"token statistics: {ExampleCount:N0} examples ({characters / 1e6:F1} M chars) in {seconds:F2} s = {ExampleCount / seconds:N0} examples/s on {Environment.ProcessorCount} cores, {cpu.TotalSeconds:F2} s of CPU (goal: <= 2 s; tokenizer load {load.Elapsed.TotalSeconds:F2} s)"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {statistics.BillingTokens:N0} billing tokens, mean {statistics.TotalTokensPerExample.Mean:F1} per example, {statistics.Epochs} epochs, ~${statistics.Cost.Dollars} for {statistics.Cost.Model}"));
    }

    private static List<ChatExample> Generate(Random random, int count)
    {
        var systems = (from strategy in Strategies from dbms in Dbms select SystemMessage(strategy, dbms)).ToArray();
        var examples = new List<ChatExample>(count);
        for (var i = 0; i < count; i++)
        {
            var original = Query(random, distinct: true);
            var mutated = original.Replace("SELECT DISTINCT ", "SELECT ", StringComparison.Ordinal);
            examples.Add(new ChatExample([
                new ChatMessage(ChatRoles.System, systems[random.Next(systems.Length)]),
                new ChatMessage(ChatRoles.User, original),
                new ChatMessage(ChatRoles.Assistant, mutated),
            ]));
        }
        return examples;
    }

    // About 60 words: the role prompt and the user's instruction wording.
    private static string SystemMessage(string strategy, string dbms) =>
        $"You are an expert in {dbms} statement mutation. Mutate the seed sql given by user into the mutated sql according to the mutate strategy \"{strategy}\":\"Distinct true -> false\".This mutate strategy will change \"DISTINCT\" in SELECT statement from true to false, keeping every other part of the statement exactly as it is, so that the result set of the mutated sql is a superset of the result set of the seed sql.";

    // About 300 characters of PINOLO-style SQL: derived tables, functions, backquoted names, literals.
    private static string Query(Random random, bool distinct)
    {
        var sql = new StringBuilder(distinct ? "SELECT DISTINCT " : "SELECT ");
        var field = 0;
        while (sql.Length < 170)
        {
            sql.Append(CultureInfo.InvariantCulture, $"({Functions[random.Next(Functions.Length)]}(`{Columns[random.Next(Columns.Length)]}`) + {random.Next(1000)}) AS `f{field++}`,");
        }
        sql.Length--;
        sql.Append(CultureInfo.InvariantCulture, $" FROM (SELECT `{Columns[random.Next(Columns.Length)]}` AS `f7`, `{Columns[random.Next(Columns.Length)]}` AS `f8` FROM `table_{random.Next(1, 400)}_utf8_undef`) AS `t{random.Next(9)}`");
        sql.Append(CultureInfo.InvariantCulture, $" WHERE `f7` > {random.NextDouble() * 1000:F3} HAVING (NOT (`f8` LIKE '%{random.Next(100)}%')) IS TRUE");
        return sql.ToString();
    }
}
