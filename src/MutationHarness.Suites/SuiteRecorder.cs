using MutationHarness.Core.Verdicts;

namespace MutationHarness.Suites;

/// <summary>One pair whose expectation a recording changes: its rules before and after, in short form.</summary>
public sealed record SuiteChange(string Id, string? Before, string? After)
{
    /// <summary>A diff line: <c>~ id: before → after</c>, <c>+ id: after</c>, <c>- id: before</c>.</summary>
    public override string ToString() => (Before, After) switch
    {
        (null, _) => $"+ {Id}: {After}",
        (_, null) => $"- {Id}: {Before} (no input record has this id any more)",
        _ => $"~ {Id}: {Before} → {After}",
    };
}

/// <summary>Turns a run into expectations (<c>suite record</c>): rules that still hold stay as written, with their reasons
/// and links; a rule a server contradicted goes; a server left without a right rule gets one (for all servers when they
/// agree, else <c>on &lt;flavour&gt; =&lt;major.minor&gt;</c>). Pairs no input holds any more are dropped.</summary>
public static class SuiteRecorder
{
    /// <summary>The expectations the run shows, and what changed against the suite's.</summary>
    public static (SuiteExpectations Expectations, IReadOnlyList<SuiteChange> Changes) Record(SuiteJudgement judgement)
    {
        ArgumentNullException.ThrowIfNull(judgement);
        var old = judgement.Suite.Expectations;
        var pairs = new Dictionary<string, IReadOnlyList<Expectation>>(StringComparer.Ordinal);
        var changes = new List<SuiteChange>();
        foreach (var (id, verdicts) in judgement.Observed)
        {
            if (pairs.ContainsKey(id))
                continue;
            var before = old.Pairs.TryGetValue(id, out var given) ? given : [];
            var after = Rules(before, judgement.Servers, verdicts, old.Default);
            if (after.Count > 0)
                pairs[id] = after;
            if (!Describe(before).Equals(Describe(after), StringComparison.Ordinal))
                changes.Add(new SuiteChange(id, before.Count == 0 ? null : Describe(before), after.Count == 0 ? $"{old.Default.Name()} (the default)" : Describe(after)));
        }
        var seen = judgement.Observed.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        changes.AddRange(old.Pairs.Where(p => !seen.Contains(p.Key)).Select(p => new SuiteChange(p.Key, Describe(p.Value), null)));
        return (new SuiteExpectations(old.Default, pairs), changes);
    }

    private static List<Expectation> Rules(IReadOnlyList<Expectation> before, IReadOnlyList<ServerIdentity> servers,
        IReadOnlyList<Verdict> seen, Verdict fallback)
    {
        var rules = before.ToList();
        // Drop every rule that decides some server wrongly, until each server's deciding rule is right or there is none.
        for (var dropped = true; dropped;)
        {
            dropped = false;
            for (var i = 0; i < servers.Count && !dropped; i++)
            {
                if (rules.FirstOrDefault(r => r.On?.Matches(servers[i]) ?? true) is { } decider && decider.Verdict != seen[i])
                    dropped = rules.Remove(decider);
            }
        }
        var wrong = Enumerable.Range(0, servers.Count)
            .Where(i => (rules.FirstOrDefault(r => r.On?.Matches(servers[i]) ?? true)?.Verdict ?? fallback) != seen[i]).ToList();
        // Servers left wrong are decided by the default alone, so a rule for all servers touches only them.
        if (wrong.Count > 0 && seen.Distinct().Count() == 1)
            rules.Add(new Expectation(seen[0], null, null, null));
        else
            rules.InsertRange(0, wrong.Select(i => new Expectation(seen[i], ServerSelector.For(servers[i]), null, null)));
        return rules is [{ IsBare: true } only] && only.Verdict == fallback ? [] : rules;
    }

    private static string Describe(IReadOnlyList<Expectation> rules) =>
        rules.Count == 0 ? "" : string.Join("; ", rules.Select(r => r.ShortForm));
}
