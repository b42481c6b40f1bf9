using System.Text.Json;
using System.Text.Json.Nodes;
using MutationHarness.Sql;
using MutationHarness.TestSupport;

[assembly: AssemblyFixture(typeof(MutationHarness.Integration.Tests.Durable.DurableCorpus))]

namespace MutationHarness.Integration.Tests.Durable;

/// <summary>A pairs file that takes a few seconds to verify (generated pairs, bug reports with their own setup, a broken
/// line, and slow pairs spread through it so that records are in flight whenever a fault strikes), and the report of
/// one undisturbed run over it: what every interrupted, resumed, sharded or merged run must come back to.</summary>
public sealed class DurableCorpus : IAsyncLifetime
{
    private const int Generated = 360;
    private const int SlowEvery = 30;
    private string? _baseline;

    public string Folder { get; } = Directory.CreateTempSubdirectory("mh-durable-").FullName;

    public string Pairs => Path.Combine(Folder, "pairs.jsonl");

    /// <summary>The options every durable run uses.</summary>
    public static string[] Options => ["--jobs", "2", "--timeout", "20"];

    /// <summary>The undisturbed run's report lines, without timing fields.</summary>
    public IReadOnlyList<string> Baseline => File.ReadAllLines(_baseline ?? throw new InvalidOperationException("no baseline: MariaDB is missing")).Select(Comparable).ToList();

    public int Count => Baseline.Count;

    public async ValueTask InitializeAsync()
    {
        await File.WriteAllLinesAsync(Pairs, Lines());
        if (!ServerAvailability.HasMariaDb)
            return;
        var report = Path.Combine(Folder, "undisturbed.jsonl");
        var (exit, _, error) = await HarnessProcess.RunAsync(["verify", Pairs, "--out", report, .. Options]);
        if (exit != 1)
            throw new InvalidOperationException($"the undisturbed run exited {exit}, not 1: {error}");
        _baseline = report;
    }

    /// <summary>Starts verify over the pairs into <paramref name="report"/> (with <see cref="Options"/> unless others are
    /// given) and returns once 40 lines are written: mid-run, with records in flight.</summary>
    internal async Task<HarnessProcess> StartMidRunAsync(string report, params string[] options)
    {
        var harness = HarnessProcess.Start(["verify", Pairs, "--out", report, .. options.Length > 0 ? options : Options]);
        try
        {
            await harness.WaitForLinesAsync(report, 40);
            return harness;
        }
        catch
        {
            harness.Dispose();
            throw;
        }
    }

    /// <summary>Whether a run writing <paramref name="report"/> still has many records to go (more than its window of
    /// finished, unwritten ones): a fault struck then meets records in flight. A loaded machine can delay a test past
    /// the end of a short run, and a fault after its last record tests nothing.</summary>
    public bool HasManyLeft(string report) => File.ReadAllBytes(report).Count(b => b == '\n') < Count - 40;

    /// <summary>A report's lines as they must compare: timing (<c>elapsedMs</c>) and whether a seed's rows were reused
    /// from an earlier pair (which depends on which pairs ran before in the same process) removed, and witness rows in
    /// one order (they come in the order the server returned them, which a new server may change).</summary>
    public static string Comparable(string line)
    {
        var node = JsonNode.Parse(line)!;
        Strip(node);
        return node.ToJsonString();

        static void Strip(JsonNode? node)
        {
            if (node is JsonObject obj)
            {
                obj.Remove("elapsedMs");
                obj.Remove("reused");
                if (obj["witness"] is JsonArray witness)
                {
                    var sorted = witness.Select(w => w!.ToJsonString()).Order(StringComparer.Ordinal).ToList();
                    witness.Clear();
                    foreach (var row in sorted)
                        witness.Add(JsonNode.Parse(row));
                }
                foreach (var (_, child) in obj.ToList())
                    Strip(child);
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array)
                    Strip(child);
            }
        }
    }

    public static IReadOnlyList<string> ComparableLines(string report) => File.ReadAllLines(report).Select(Comparable).ToList();

    private static IEnumerable<string> Lines()
    {
        var bugReports = File.ReadLines(SharedPaths.Corpus).Take(6).ToList();
        var seeds = SeedQueryGenerator.Generate(new Random(23), Generated);
        for (var i = 0; i < Generated; i++)
        {
            if (i % SlowEvery == 5)
                yield return Slow(i);
            if (i % 60 == 17)
                yield return bugReports[i / 60 % bugReports.Count];
            if (i == 100)
                yield return """{"id":"broken","strategy":""";
            var mutant = Mutants.Enumerate(seeds[i], randomSeed: i).FirstOrDefault();
            if (mutant is not null)
                yield return JsonSerializer.Serialize(new { id = $"gen-{i}", strategy = mutant.Strategy, original = seeds[i], mutated = mutant.Sql, dbms = "mariadb" });
        }
    }

    // A cross join of six copies of the 7-row table (117,649 rows) under COUNT(*): a quarter of a second or so per statement.
    private static string Slow(int i)
    {
        var join = string.Join(", ", Enumerable.Range(0, 6).Select(n => $"table_7_utf8_undef x{n}"));
        var slow = $"(SELECT COUNT(*) FROM {join}) > {i}";
        return JsonSerializer.Serialize(new
        {
            id = $"slow-{i}",
            strategy = "FixMCmpOpU",
            original = $"SELECT pk FROM table_3_utf8_undef WHERE pk > {i % 3} AND {slow}",
            mutated = $"SELECT pk FROM table_3_utf8_undef WHERE pk >= {i % 3} AND {slow}",
        });
    }

    public ValueTask DisposeAsync()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { /* best effort */ }
        return ValueTask.CompletedTask;
    }
}
