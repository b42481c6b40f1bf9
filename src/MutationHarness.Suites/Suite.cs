using MutationHarness.Core.Verdicts;

namespace MutationHarness.Suites;

/// <summary>A verification suite: which pairs run where, and the verdict each is expected to get.</summary>
/// <param name="Name">What the suite is called in reports (JUnit suite name).</param>
/// <param name="Path">The suite file; inputs are relative to its folder.</param>
/// <param name="Inputs">Files, folders and globs of pairs, as written in the file.</param>
/// <param name="Targets">Where the pairs run (as <c>--target</c> takes them); the embedded MariaDB when none.</param>
/// <param name="Run">How the pairs run.</param>
/// <param name="Expectations">The default verdict and the per-pair overrides.</param>
public sealed record Suite(string Name, string Path, IReadOnlyList<string> Inputs, IReadOnlyList<string> Targets,
    SuiteRunOptions Run, SuiteExpectations Expectations)
{
    /// <summary>The inputs resolved against the suite file's folder (globs stay globs).</summary>
    public IReadOnlyList<string> ResolvedInputs =>
        [.. Inputs.Select(i => i == "-" || System.IO.Path.IsPathRooted(i) ? i
            : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".", i))];
}

/// <summary>The run options a suite may fix; null leaves the harness default.</summary>
public sealed record SuiteRunOptions(double? Timeout, int? Reruns, int? Databases, int? Jobs);

/// <summary>The verdict every pair is expected to get unless its own rules say otherwise.</summary>
public sealed record SuiteExpectations(Verdict Default, IReadOnlyDictionary<string, IReadOnlyList<Expectation>> Pairs)
{
    /// <summary>The rule that decides a pair's expected verdict on a server: its first rule that applies there, else the default (null).</summary>
    public Expectation? RuleFor(string id, ServerIdentity server) =>
        Pairs.TryGetValue(id, out var rules) ? rules.FirstOrDefault(r => r.On?.Matches(server) ?? true) : null;

    /// <summary>The verdict a pair is expected to get on a server.</summary>
    public Verdict VerdictFor(string id, ServerIdentity server) => RuleFor(id, server)?.Verdict ?? Default;
}

/// <summary>One expected verdict of a pair, optionally only on some servers, with why (a reason, a bug link).</summary>
public sealed record Expectation(Verdict Verdict, ServerSelector? On, string? Reason, string? Link)
{
    /// <summary>True when the rule is only a verdict, so it can be written in the short form.</summary>
    public bool IsBare => On is null && Reason is null && Link is null;

    /// <summary>The short form: <c>relation-violated on mariadb &gt;=10.5 &lt;12</c>.</summary>
    public string ShortForm => On is null ? Verdict.Name() : $"{Verdict.Name()} on {On}";
}

/// <summary>A server a pair ran on, as the selectors of a suite see it.</summary>
/// <param name="Target">The target as given (<c>local:mariadb</c>, <c>local:mariadb:10.5</c>, …).</param>
/// <param name="Flavor">mariadb, mysql or tidb.</param>
/// <param name="Version">The server's version as it reports it.</param>
public sealed record ServerIdentity(string Target, string Flavor, string Version);
