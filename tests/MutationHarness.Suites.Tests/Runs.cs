using MutationHarness.Core.Pairs;
using MutationHarness.Core.Verdicts;
using MutationHarness.Suites;
using MutationHarness.Verification;

namespace MutationHarness.Suites.Tests;

/// <summary>Suites and reports as a run would give them, to judge without a server.</summary>
internal static class Runs
{
    public static readonly ServerIdentity MariaDb1011 = new("local:mariadb", "MariaDb", "10.11.19-MariaDB-0+deb12u1");
    public static readonly ServerIdentity MariaDb105 = new("local:mariadb:10.5", "MariaDb", "10.5.26-MariaDB-0+deb11u2");
    public static readonly ServerIdentity MySql80 = new("container:mysql", "MySql", "8.0.40");

    /// <summary>Writes a suite file into a fresh folder and reads it.</summary>
    public static Suite Suite(string yaml, out string path)
    {
        path = Path.Combine(Directory.CreateTempSubdirectory("suite").FullName, "suite.yaml");
        File.WriteAllText(path, yaml);
        return SuiteReader.Read(path);
    }

    public static Suite Suite(string yaml) => Suite(yaml, out _);

    /// <summary>A report whose verdict on each server is given in the servers' order.</summary>
    public static PairReport Report(string id, IReadOnlyList<ServerIdentity> servers, params Verdict[] verdicts)
    {
        var targets = servers.Select((s, i) => new TargetReport(s.Target, s.Flavor, s.Version,
            new SessionReport("", "+00:00", "utf8mb4", "utf8mb4_general_ci"), verdicts[i], [])).ToList();
        return new PairReport(id, new SourceLocation("pairs.jsonl", 1), null, verdicts.FirstOrDefault(v => v != Verdict.Verified),
            verdicts.All(v => v == Verdict.Verified) ? null : "why", null, null, [], [], targets);
    }

    public static SuiteJudgement Judge(Suite suite, IReadOnlyList<ServerIdentity> servers, params PairReport[] reports)
    {
        var judgement = new SuiteJudgement(suite, servers);
        foreach (var report in reports)
            judgement.Add(report);
        judgement.Complete();
        return judgement;
    }
}
