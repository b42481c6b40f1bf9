using System.Runtime.CompilerServices;
using MutationHarness.Core.Fixtures;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Verdicts;
using MutationHarness.Sql;

namespace MutationHarness.Verification.Soundness;

/// <summary>The oracle's differential self-test (issue 10): seeds rich in CTEs, set operations, subqueries, grouping
/// and collations (<see cref="SoundnessSeeds"/>), every mutant of every site, each run on several NULL-free
/// databases through the verifier. A conforming mutant's relation must hold on every such database, so a
/// <c>relation-violated</c> is either a wrong rule in the harness or a server bug; <see cref="ConfirmAsync"/> tells
/// the second kind by running the same pairs on other server versions.</summary>
public static class SoundnessSelfTest
{
    /// <summary>The seed of the random source CI and the benchmark draw their seeds from.</summary>
    public const int DefaultRandomSeed = 2026;

    /// <summary>Every mutant (<see cref="Mutants.Enumerate"/>) of <paramref name="seedCount"/> generated seeds, as pairs
    /// with ids <c>sound-&lt;seed&gt;-&lt;mutant&gt;</c>.</summary>
    public static IEnumerable<MutationPair> Pairs(int seedCount, int randomSeed)
    {
        var seeds = SoundnessSeeds.Generate(new Random(randomSeed), seedCount);
        var line = 0;
        for (var s = 0; s < seeds.Count; s++)
        {
            var mutants = Mutants.Enumerate(seeds[s], randomSeed: s);
            for (var m = 0; m < mutants.Count; m++)
            {
                yield return new MutationPair($"sound-{s}-{m}", new SourceLocation("soundness", ++line), mutants[m].Strategy,
                    seeds[s], mutants[m].Sql, "mariadb", null, []);
            }
        }
    }

    /// <summary>The databases the pairs run on: <see cref="SoundnessSeeds.Database"/> for <paramref name="count"/> seeds from <paramref name="first"/>.</summary>
    public static IReadOnlyList<FixtureScript> Databases(int count, int first = 1) =>
        Enumerable.Range(first, count).Select(seed => new FixtureScript($"soundness-{seed}", SoundnessSeeds.Database(seed))).ToList();

    /// <summary>How the self-test verifies: on the given targets and databases, every violation re-run twice.</summary>
    public static VerifyOptions Options(IReadOnlyList<string> targets, IReadOnlyList<FixtureScript> databases, int jobs) =>
        new() { Targets = targets, Fixtures = databases, Jobs = jobs, Reruns = 2, StatementTimeout = TimeSpan.FromSeconds(10) };

    /// <summary>Verifies every pair (the verifier must run on <see cref="Databases"/>); the reports in input order.</summary>
    public static async Task<IReadOnlyList<PairReport>> RunAsync(Verifier verifier, IEnumerable<MutationPair> pairs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        var reports = new List<PairReport>();
        await foreach (var report in verifier.VerifyAllAsync(Records(pairs, cancellationToken), cancellationToken))
        {
            reports.Add(report);
        }

        return reports;
    }

    /// <summary>Runs the violated pairs again on other server versions (<paramref name="versions"/> runs on the same
    /// databases). A violation is confirmed as a server bug when some version holds the relation on every database:
    /// the same statements on the same rows gave other rows there, so one of the versions answers wrongly.</summary>
    public static async Task<IReadOnlyList<SoundnessViolation>> ConfirmAsync(Verifier versions, IReadOnlyList<PairReport> violated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(violated);
        var confirmed = new List<SoundnessViolation>();
        var again = await RunAsync(versions, violated.Select(r => r.Pair!), cancellationToken);
        for (var i = 0; i < violated.Count; i++)
        {
            var holding = again[i].Targets.Where(t => t.Verdict == Verdict.Verified).Select(t => $"{t.ServerFlavor} {t.ServerVersion}").ToList();
            var breaking = again[i].Targets.Where(t => t.Verdict == Verdict.RelationViolated).Select(t => $"{t.ServerFlavor} {t.ServerVersion}").ToList();
            confirmed.Add(new SoundnessViolation(violated[i], holding, breaking));
        }

        return confirmed;
    }

    /// <summary>A violated pair in a few lines: id, strategy and direction, the reason, the witness per database, both statements.</summary>
    public static string Describe(PairReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var witness = report.Targets.SelectMany(t => t.Databases).Where(d => d.Relation is { Holds: false })
            .Select(d => $"{d.Database}: {string.Join(" ", d.Relation!.Witness.Take(3).Select(w => "(" + string.Join(", ", w.Cells) + ")"))}");
        var direction = report.Expected is { } expected ? (expected.IsUpper ? "upper" : "lower") : "no direction";
        return $"{report.Id} {report.Strategy} ({direction})\n  {report.Reason}\n  {string.Join("\n  ", witness)}\n" +
            $"  seed:   {report.Pair!.Original}\n  mutant: {report.Pair.Mutated}";
    }

    private static async IAsyncEnumerable<InputRecord> Records(IEnumerable<MutationPair> pairs, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var pair in pairs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return InputRecord.Read(pair);
        }

        await Task.CompletedTask;
    }
}

/// <summary>A violated pair and what other server versions said of it: where the relation held (a server bug
/// confirmed) and where it broke too.</summary>
public sealed record SoundnessViolation(PairReport Report, IReadOnlyList<string> HeldOn, IReadOnlyList<string> BrokeOn)
{
    /// <summary>True when another version held the relation: the servers disagree, so one of them is wrong.</summary>
    public bool ConfirmedAsServerBug => HeldOn.Count > 0;
}
