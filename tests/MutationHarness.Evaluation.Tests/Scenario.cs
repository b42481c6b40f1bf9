using System.Text.Json;
using MutationHarness.Core.Strategies;

namespace MutationHarness.Evaluation.Tests;

/// <summary>The scripted behaviours of the tests: one seed per behaviour, all under FixMWhere1U, on the generated tables.</summary>
public static class Scenario
{
    public const string Strategy = "FixMWhere1U";
    public const string Table = "table_7_utf8_undef";

    public const string Correct = $"SELECT pk FROM {Table} WHERE col_bigint_undef_signed > 0";
    public const string Echo = $"SELECT pk FROM {Table} WHERE col_bigint_undef_signed > 1";
    public const string WrongDirection = $"SELECT pk FROM {Table} WHERE col_bigint_undef_signed < 0";
    public const string Hallucinated = $"SELECT pk FROM {Table} WHERE col_bigint_undef_signed < 1";
    public const string Destructive = $"SELECT pk FROM {Table} WHERE col_bigint_undef_signed = 0";
    public const string Wrapped = $"SELECT pk FROM {Table} WHERE col_bigint_undef_signed = 1";
    public const string RateLimited = $"SELECT pk FROM {Table} WHERE col_bigint_undef_signed >= 1";
    public const string Slow = $"SELECT pk FROM {Table} WHERE col_bigint_undef_signed <= 0";

    public static IReadOnlyList<string> Seeds { get; } = [Correct, Echo, WrongDirection, Hallucinated, Destructive, Wrapped, RateLimited, Slow];

    /// <summary>The mutant a perfect model writes for every seed.</summary>
    public const string Reference = $"SELECT pk FROM {Table} WHERE 1";

    /// <summary>How long the slow seed's answer takes; the client's timeout is shorter.</summary>
    public static readonly TimeSpan SlowDelay = TimeSpan.FromSeconds(20);

    public static ScriptedReply Reply(string user, int attempt) => user switch
    {
        Correct => ScriptedReply.Answer(Reference),
        Echo => ScriptedReply.Answer(Echo),
        WrongDirection => ScriptedReply.Answer($"SELECT pk FROM {Table} WHERE 0"),
        Hallucinated => ScriptedReply.Answer($"SELECT pk FROM {Table} WHERE col_price_made_up < 1"),
        Destructive => ScriptedReply.Answer($"DROP TABLE {Table}"),
        Wrapped => ScriptedReply.Answer($"Here is the mutated query:\n\n```sql\n{Reference};\n```\n\nIt returns every row, a superset of the seed's."),
        RateLimited when attempt == 1 => new ScriptedReply(429, null, Headers: new Dictionary<string, string> { ["Retry-After"] = "0" }),
        RateLimited => ScriptedReply.Answer(Reference),
        Slow => new ScriptedReply(200, Reference, SlowDelay),
        _ => new ScriptedReply(500, null),
    };

    /// <summary>The example of one seed, read from a pair record.</summary>
    public static TestExample Example(string seed) =>
        TestSetReader.Parse($$"""{"id":"{{Seeds.ToList().IndexOf(seed)}}","strategy":"{{Strategy}}","original":"{{seed}}","mutated":"{{Reference}}","dbms":"mariadb"}""",
            "test.jsonl", Seeds.ToList().IndexOf(seed) + 1, EvalMode.Mutation, StrategyCatalog.Default);

    /// <summary>A chat test set as <c>clean</c> writes it, one line per seed, the reference as the assistant message.</summary>
    public static string WriteTestSet(string folder)
    {
        var instruction = StrategyCatalog.Default.Find(Strategy)!.Instructions.Mutate;
        var lines = Seeds.Select(seed => JsonSerializer.Serialize(new
        {
            messages = new object[]
            {
                new { role = "system", content = $"You are an expert in MariaDB statement mutation. {instruction}" },
                new { role = "user", content = seed },
                new { role = "assistant", content = Reference },
            },
        }));
        var path = Path.Combine(folder, "test.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>Endpoint options for the scripted server: a 3 s timeout (the slow answer takes 20 s) and quick back-off.</summary>
    public static ChatEndpointOptions Options(Uri endpoint, string? cache = null) => new()
    {
        Endpoint = endpoint,
        Model = "scripted-model",
        ApiKey = "test-key",
        Concurrency = 4,
        MaxRetries = 2,
        RequestTimeout = TimeSpan.FromSeconds(3),
        FirstBackoff = TimeSpan.FromMilliseconds(20),
        CachePath = cache,
    };
}
