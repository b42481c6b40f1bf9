using System.Text;
using MutationHarness.Core.Strategies;
using MutationHarness.Core.Verdicts;
using MutationHarness.Databases.Targets;
using MutationHarness.Verification;
using MutationHarness.Verification.Reports;
using Xunit.Sdk;

namespace MutationHarness.Xunit;

/// <summary>Assertions against a real server: the embedded MariaDB the harness starts once per test process (its
/// binaries must be installed), or the connection string in <c>MUTATIONHARNESS_TARGET</c>.</summary>
public static class Harness
{
    /// <summary>The variable that names another target (any <c>--target</c> text: a connection string, local:mariadb:10.5…).</summary>
    public const string TargetVariable = "MUTATIONHARNESS_TARGET";

    private static readonly SemaphoreSlim Starting = new(1, 1);
    private static Verifier? s_verifier;

    /// <summary>Verifies the pair as <c>harness verify</c> does and fails the test, with the verdict, the reason and the
    /// witness, unless it verified.</summary>
    public static async Task<PairReport> AssertVerifiedAsync(PairCase pair, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var verifier = await VerifierAsync(cancellationToken);
        var report = await verifier.VerifyAsync(pair.Record, cancellationToken);
        if (report.Verdict != Verdict.Verified)
            throw new XunitException(Explain(report));
        return report;
    }

    private static string Explain(PairReport report)
    {
        var text = new StringBuilder($"{report.Id}: {report.Verdict.Name()}: {report.Reason}");
        foreach (var target in report.Targets.Where(t => t.Verdict != Verdict.Verified))
        {
            text.Append($"\non {target.Target}: {TargetOutcomeText.Line(report, target)}");
            if (TargetOutcomeText.Witness(report, target) is { Length: > 0 } witness)
                text.Append("\nwitness:\n").Append(witness);
        }
        if (report.Pair is { } pair)
            text.Append($"\noriginal: {pair.Original}\nmutated:  {pair.Mutated}");
        return text.ToString();
    }

    private static async Task<Verifier> VerifierAsync(CancellationToken cancellationToken)
    {
        if (s_verifier is { } ready)
            return ready;
        await Starting.WaitAsync(cancellationToken);
        try
        {
            if (s_verifier is null)
            {
                var target = Environment.GetEnvironmentVariable(TargetVariable) is { Length: > 0 } given ? given : "local:mariadb";
                var options = new VerifyOptions { Targets = [target] };
                s_verifier = await Verifier.StartAsync(options, StrategyCatalog.Default, new Opener(), cancellationToken);
                // The server lives as long as the test process; stop it cleanly when the process ends.
                AppDomain.CurrentDomain.ProcessExit += (_, _) => s_verifier.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
            return s_verifier;
        }
        finally
        {
            Starting.Release();
        }
    }

    /// <summary>Local servers and connection strings (containers stay with the command line).</summary>
    private sealed class Opener : ITargetOpener
    {
        public Task<IQueryTarget> OpenAsync(string spec, VerifyOptions options, CancellationToken cancellationToken) =>
            QueryTargets.OpenAsync(TargetSpec.Parse(spec),
                new TargetOptions { Jobs = options.Jobs, StatementDeadline = options.StatementTimeout }, cancellationToken);
    }
}
