using System.Diagnostics;
using MutationHarness.Cli.Commands;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;
using MutationHarness.Verification.Soundness;

namespace MutationHarness.Benchmarks;

/// <summary>The oracle's differential self-test at a bigger size than CI's: every mutant of N generated seeds on
/// several soundness databases on the embedded MariaDB; each violation is run again on MariaDB 10.5 and 11.8, and
/// printed with what they said.</summary>
public static class SoundnessBenchmark
{
    public static async Task<int> RunAsync(TextWriter output, int seeds, int databases, int randomSeed, int jobs, CancellationToken cancellationToken)
    {
        var pairs = SoundnessSelfTest.Pairs(seeds, randomSeed).ToList();
        var fixtures = SoundnessSelfTest.Databases(databases);
        var clock = Stopwatch.StartNew();
        IReadOnlyList<PairReport> reports;
        await using (var verifier = await Verifier.StartAsync(SoundnessSelfTest.Options(["local:mariadb"], fixtures, jobs), StrategyCatalog.Default, new TargetOpener(), cancellationToken))
        {
            reports = await SoundnessSelfTest.RunAsync(verifier, pairs, cancellationToken);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"soundness: {pairs.Count:N0} pairs from {seeds} seeds (random seed {randomSeed}) on {databases} databases, {jobs} jobs: {seconds:N1} s, {pairs.Count / seconds:N0} pairs/s");
        output.WriteLine($"  verdicts: {string.Join(", ", reports.GroupBy(r => r.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.Name()}"))}");
        output.WriteLine($"  verified by strategy: {string.Join(", ", reports.Where(r => r.Verdict == Verdict.Verified).GroupBy(r => r.Strategy).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}");
        foreach (var other in reports.Where(r => r.Verdict is not (Verdict.Verified or Verdict.RelationViolated)).GroupBy(r => $"{r.Verdict.Name()}: {r.Reason}").OrderByDescending(g => g.Count()).Take(8))
        {
            output.WriteLine($"  {other.Count()} × {other.Key}");
            var example = other.First().Pair!.Original;
            output.WriteLine("    e.g. " + (example.Length > 300 ? example[..300] + " …" : example));
        }

        var violated = reports.Where(r => r.Verdict == Verdict.RelationViolated).ToList();
        // SOUNDNESS_DUMP=DIR writes the databases as scripts and the violated pairs as pair JSONL, to replay by hand.
        if (Environment.GetEnvironmentVariable("SOUNDNESS_DUMP") is { } dump)
        {
            Directory.CreateDirectory(dump);
            foreach (var fixture in fixtures)
                await File.WriteAllLinesAsync(Path.Combine(dump, fixture.Name + ".sql"), fixture.Statements.Select(s => s + ";"), cancellationToken);
            await File.WriteAllLinesAsync(Path.Combine(dump, "violated.jsonl"), violated.Select(r => System.Text.Json.JsonSerializer.Serialize(new { id = r.Id, strategy = r.Strategy, original = r.Pair!.Original, mutated = r.Pair.Mutated })), cancellationToken);
        }

        if (violated.Count == 0)
        {
            output.WriteLine("  no relation-violated pair");
            return 0;
        }

        await using var versions = await Verifier.StartAsync(SoundnessSelfTest.Options(["local:mariadb:10.5", "local:mariadb:11.8"], fixtures, jobs), StrategyCatalog.Default, new TargetOpener(), cancellationToken);
        foreach (var violation in await SoundnessSelfTest.ConfirmAsync(versions, violated, cancellationToken))
        {
            output.WriteLine(SoundnessSelfTest.Describe(violation.Report));
            output.WriteLine($"  held on: {string.Join(", ", violation.HeldOn)}; broke on: {string.Join(", ", violation.BrokeOn)}");
        }

        return 1;
    }
}
