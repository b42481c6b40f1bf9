using MutationHarness.Cli.Commands;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.TestSupport;
using MutationHarness.Verification;
using MutationHarness.Verification.Soundness;

namespace MutationHarness.Integration.Tests;

/// <summary>The oracle's differential self-test under CI (issue 10): every mutant of generated seeds rich in CTEs,
/// set operations, subqueries, grouping and collations, on three NULL-free databases with <c>_ci</c>, <c>_bin</c>,
/// CHAR and NO PAD strings, through the real verifier on the embedded MariaDB. It fails on any
/// <c>relation-violated</c> that MariaDB 10.5 or 11.8 does not contradict (a server bug confirmed). A bigger run:
/// <c>./harness bench soundness</c>.</summary>
public sealed class SoundnessSelfTests
{
    private const int Seeds = 60;

    [Fact]
    public async Task Every_mutant_of_the_generated_seeds_keeps_its_relation_or_a_server_bug_is_confirmed()
    {
        ServerAvailability.RequireMariaDb();
        var cancellation = TestContext.Current.CancellationToken;
        var databases = SoundnessSelfTest.Databases(3);
        var pairs = SoundnessSelfTest.Pairs(Seeds, SoundnessSelfTest.DefaultRandomSeed).ToList();
        IReadOnlyList<PairReport> reports;
        await using (var verifier = await Verifier.StartAsync(SoundnessSelfTest.Options(["local:mariadb"], databases, 2), StrategyCatalog.Default, new TargetOpener(), cancellation))
        {
            reports = await SoundnessSelfTest.RunAsync(verifier, pairs, cancellation);
        }

        var counts = reports.GroupBy(r => r.Verdict).ToDictionary(g => g.Key, g => g.Count());
        var summary = string.Join(", ", counts.Select(c => $"{c.Value} {c.Key.Name()}"));
        TestContext.Current.SendDiagnosticMessage($"soundness self-test: {pairs.Count} pairs from {Seeds} seeds: {summary}");
        var violated = reports.Where(r => r.Verdict == Verdict.RelationViolated).ToList();
        if (violated.Count > 0)
        {
            // Only now are the other versions needed: a violation they contradict is a server bug, the rest is ours.
            ServerAvailability.RequireMariaDbVersion("10.5");
            ServerAvailability.RequireMariaDbVersion("11.8");
            await using var versions = await Verifier.StartAsync(SoundnessSelfTest.Options(["local:mariadb:10.5", "local:mariadb:11.8"], databases, 2),
                StrategyCatalog.Default, new TargetOpener(), cancellation);
            var unexplained = (await SoundnessSelfTest.ConfirmAsync(versions, violated, cancellation)).Where(v => !v.ConfirmedAsServerBug)
                .Select(v => SoundnessSelfTest.Describe(v.Report) + $"\n  broke on {string.Join(", ", v.BrokeOn)} too").ToList();
            Assert.True(unexplained.Count == 0, string.Join("\n\n", unexplained));
        }

        Assert.True(counts.GetValueOrDefault(Verdict.Verified) > pairs.Count / 2, summary);
    }
}
