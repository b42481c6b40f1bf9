using MutationHarness.Core.Verdicts;
using MutationHarness.Verification;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Suites;

/// <summary>Judges a run's reports against a suite's expectations as they stream by: one case per pair and server.</summary>
public sealed class SuiteJudgement(Suite suite, IReadOnlyList<ServerIdentity> servers)
{
    private readonly List<SuiteCase> _cases = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>The suite judged.</summary>
    public Suite Suite { get; } = suite;

    /// <summary>The servers of the run, in the run's order.</summary>
    public IReadOnlyList<ServerIdentity> Servers { get; } = servers;

    /// <summary>Every case so far, in input order, server by server.</summary>
    public IReadOnlyList<SuiteCase> Cases => _cases;

    /// <summary>The verdicts each pair got, per server in the run's order, for <c>suite record</c>.</summary>
    public List<(string Id, IReadOnlyList<Verdict> Verdicts)> Observed { get; } = [];

    /// <summary>True when every expectation held (and the run judged something).</summary>
    public bool AllHeld => _cases.Count > 0 && _cases.All(c => c.Held);

    /// <summary>Judges one report on every server of the run (a pair stopped before running has one verdict for all).</summary>
    public void Add(PairReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        _seen.Add(report.Id);
        var verdicts = new List<Verdict>(Servers.Count);
        foreach (var server in Servers)
        {
            var target = report.Targets.FirstOrDefault(t => t.Target == server.Target);
            var observed = target?.Verdict ?? report.Verdict;
            verdicts.Add(observed);
            var rule = Suite.Expectations.RuleFor(report.Id, server);
            var expected = rule?.Verdict ?? Suite.Expectations.Default;
            _cases.Add(new SuiteCase(report.Id, report.Strategy, server, expected, rule, observed,
                observed == Verdict.Verified ? null : TargetOutcomeText.Line(report, target),
                target is null ? null : TargetOutcomeText.Witness(report, target) is { Length: > 0 } witness ? witness : null));
        }
        Observed.Add((report.Id, verdicts));
    }

    /// <summary>Adds a failing case for every pair the suite names that the run never saw (a stale expectation).</summary>
    public void Complete()
    {
        foreach (var (id, rules) in Suite.Expectations.Pairs)
        {
            if (!_seen.Contains(id))
                _cases.Add(new SuiteCase(id, null, null, rules[0].Verdict, rules[0], null, null, null));
        }
    }
}
