using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification.Generation;

/// <summary>Makes verified pairs for every strategy: candidates from each strategy's reproducible stream, checked by
/// the same <see cref="Verifier"/> that <c>verify</c> runs (guard, conformance, direction from the polarity walk,
/// every target and database, re-runs), and written only when verified with no flag, until each strategy has its
/// pairs. Work goes in rounds whose size depends only on earlier rounds' outcomes, and reports come back in input
/// order, so the output is the same whatever the timing.</summary>
public sealed class PairGenerator
{
    // Candidates verified per round, at most: enough to keep every job busy, few enough that memory stays flat.
    private const int MaxRound = 2048;

    private readonly Verifier _verifier;
    private readonly GenerationOptions _options;
    private readonly IReadOnlyList<CandidateSource> _sources;

    public PairGenerator(Verifier verifier, GenerationOptions options)
    {
        _verifier = verifier;
        _options = options;
        var seen = new SeedRegistry();
        _sources = options.Strategies.Select(s => new CandidateSource(s, options.Seed, options.PairsPerSeed, seen)).ToList();
        Summary = new GenerationSummary(options.Strategies, options.PerStrategy);
    }

    /// <summary>The tallies so far (complete once <see cref="RunAsync"/> has finished).</summary>
    public GenerationSummary Summary { get; }

    /// <summary>The verified pairs, each as soon as its round reaches it in order.</summary>
    public async IAsyncEnumerable<GeneratedPair> RunAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (PlanRound() is { Count: > 0 } plan)
        {
            // The workers make the candidates as they take them (making overlaps verifying); reports come back in
            // the order the candidates were made.
            var made = new ConcurrentQueue<Candidate>();
            await foreach (var report in _verifier.VerifyAllAsync(Records(plan, made), cancellationToken))
            {
                if (!made.TryDequeue(out var candidate))
                    throw new InvalidOperationException("a report came back for a candidate that was never made");
                var tally = Summary.For(candidate.Strategy);
                if (report.Verdict != Verdict.Verified || report.Flags.Count > 0)
                {
                    tally.Dropped(report.Verdict == Verdict.Verified ? Verdict.Unstable : report.Verdict,
                        report.Flags.Count > 0 ? "flagged: " + string.Join("; ", report.Flags) : report.Reason);
                    continue;
                }

                if (tally.Written == _options.PerStrategy)
                {
                    tally.Surplus();
                    continue;
                }

                var pair = ToPair(candidate, report, tally.Written + 1);
                Summary.Wrote(pair, candidate);
                Summary.Elapsed = clock.Elapsed;
                yield return pair;
            }
        }

        Summary.Elapsed = clock.Elapsed;
    }

    /// <summary>The next round: for each strategy still short, as many candidates as its yield so far says it needs
    /// (with a margin); empty when every strategy is done or gave up.</summary>
    private List<(CandidateSource Source, int Count)> PlanRound()
    {
        var wanted = new List<(CandidateSource Source, int Count)>();
        foreach (var (source, tally) in _sources.Zip(Summary.Strategies))
        {
            var missing = _options.PerStrategy - tally.Written;
            if (missing <= 0 || tally.ShortBecause is not null)
                continue;
            var budget = _options.CandidatesPerPair * _options.PerStrategy - tally.Tried;
            if (source.Exhausted is not null || budget <= 0)
            {
                tally.ShortBecause = source.Exhausted is { } why ? $"gave up: {why}"
                    : $"gave up after {tally.Tried} candidates ({_options.CandidatesPerPair} per pair asked)";
                continue;
            }

            var yieldSoFar = Math.Clamp((tally.Written + 1.0) / (tally.Tried + 1.0), 0.1, 1.0);
            wanted.Add((source, Math.Min(budget, (int)Math.Ceiling(missing / yieldSoFar * 1.1) + 1)));
        }

        var share = wanted.Count == 0 ? 0 : Math.Max(8, MaxRound / wanted.Count);
        return wanted.Select(w => (w.Source, Math.Min(w.Count, share))).ToList();
    }

    /// <summary>The round's candidates, made one seed at a time in turn from each strategy (so every job has mixed
    /// work and a seed's pairs stay together), each remembered in <paramref name="made"/> as it is handed out.</summary>
    private async IAsyncEnumerable<InputRecord> Records(List<(CandidateSource Source, int Count)> plan, ConcurrentQueue<Candidate> made)
    {
        var left = plan.Select(p => p.Count).ToArray();
        var index = 0;
        while (left.Any(l => l > 0))
        {
            for (var s = 0; s < plan.Count; s++)
            {
                if (left[s] <= 0)
                    continue;
                if (plan[s].Source.Next() is not { } first)
                {
                    left[s] = 0;
                    continue;
                }

                for (var candidate = first; candidate is not null; candidate = plan[s].Source.Peek()?.SeedId == first.SeedId ? plan[s].Source.Next() : null)
                {
                    left[s]--;
                    made.Enqueue(candidate);
                    index++;
                    yield return InputRecord.Read(new MutationPair($"{candidate.SeedId}-m{index}", new SourceLocation("generated", index),
                        candidate.Strategy, candidate.Seed, candidate.Mutated, _options.Dbms, null, []));
                }
            }
        }

        await Task.CompletedTask;
    }

    private GeneratedPair ToPair(Candidate candidate, PairReport report, int number) => new(
        $"g{_options.Seed}-{candidate.Strategy}-{number:D4}",
        candidate.Strategy,
        candidate.Seed,
        candidate.Mutated,
        report.Expected!.IsUpper,
        _options.Dbms,
        report.Conformance?.Site ?? string.Empty,
        candidate.SeedId,
        report.Targets.Select(t => new VerifiedOn(t.Target, DbmsLabels.OfName(t.ServerFlavor), t.ServerVersion,
            t.Databases.Select(d => d.Database).ToList())).ToList());
}
