using System.Text.Json;
using MutationHarness.Cli.Commands;
using MutationHarness.Core.Fixtures;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.TestSupport;
using MutationHarness.Tests;
using MutationHarness.Verification;
using MutationHarness.Verification.Soundness;

namespace MutationHarness.Integration.Tests;

/// <summary>A held-out set in the auditors' manner (issue 10): 356 tricky pairs over the SEMANTICS rules (polarity under
/// negation, outer joins' NULL sides, aggregates and their hidden forms, CTEs read in several places, set operations,
/// collations and FLOAT/DECIMAL types, LIKE/REGEXP syntax, lexing), each verdict and direction reasoned out by hand and checked
/// on MariaDB 10.11 (<c>HeldOut/pairs.jsonl</c>, its tables <c>HeldOut/tables.sql</c>). Every pair runs through the real
/// verifier on the embedded MariaDB; the test lists every pair whose verdict or direction is not the reasoned one.</summary>
public sealed class HeldOutPairTests
{
    private static string Folder => RepositoryFiles.Path("tests", "MutationHarness.Integration.Tests", "HeldOut");

    [Fact]
    public async Task Every_held_out_pair_gets_the_reasoned_verdict_and_direction()
    {
        ServerAvailability.RequireMariaDb();
        var cancellation = TestContext.Current.CancellationToken;
        var expected = ReadPairs().ToList();
        var tables = FixtureScripts.FromDataScript("held-out", await File.ReadAllTextAsync(Path.Combine(Folder, "tables.sql"), cancellation));
        var options = new VerifyOptions { Fixtures = [tables], Jobs = 2, Reruns = 2, StatementTimeout = TimeSpan.FromSeconds(10) };

        IReadOnlyList<PairReport> reports;
        await using (var verifier = await Verifier.StartAsync(options, StrategyCatalog.Default, new TargetOpener(), cancellation))
        {
            reports = await SoundnessSelfTest.RunAsync(verifier, expected.Select(e => e.Pair), cancellation);
        }

        var wrong = expected.Zip(reports)
            .Where(p => p.Second.Verdict.Name() != p.First.Verdict || (p.First.IsUpper is { } up && p.Second.Expected?.IsUpper != up))
            .Select(p => $"{p.First.Pair.Id} ({p.First.Why}): expected {p.First.Verdict}{Direction(p.First.IsUpper)}, " +
                $"got {p.Second.Verdict.Name()}{Direction(p.Second.Expected?.IsUpper)}: {p.Second.Reason}\n  {p.First.Pair.Original}\n  {p.First.Pair.Mutated}")
            .ToList();
        Assert.True(expected.Count >= 300, $"{expected.Count} held-out pairs");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {expected.Count} held-out pairs:\n" + string.Join("\n", wrong));
    }

    private static string Direction(bool? isUpper) => isUpper switch { true => " (upper)", false => " (lower)", null => "" };

    private static IEnumerable<HeldOutPair> ReadPairs()
    {
        var path = Path.Combine(Folder, "pairs.jsonl");
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            var json = JsonDocument.Parse(text).RootElement;
            var pair = new MutationPair(json.GetProperty("id").GetString()!, new SourceLocation(path, line), json.GetProperty("strategy").GetString(),
                json.GetProperty("original").GetString()!, json.GetProperty("mutated").GetString()!, "mariadb", null, []);
            yield return new HeldOutPair(pair, json.GetProperty("verdict").GetString()!,
                json.TryGetProperty("isUpper", out var up) ? up.GetBoolean() : null,
                json.TryGetProperty("why", out var why) ? why.GetString() : null);
        }
    }

    private sealed record HeldOutPair(MutationPair Pair, string Verdict, bool? IsUpper, string? Why);
}
