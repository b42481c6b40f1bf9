using MutationHarness.Core.Strategies;

namespace MutationHarness.FineTuning.Tests;

/// <summary>Strategy wordings and candidate pairs for dataset tests.</summary>
internal static class Candidates
{
    public static readonly IReadOnlyDictionary<string, StrategyInstructions> Instructions = new Dictionary<string, StrategyInstructions>
    {
        ["FixMDistinctU"] = new(
            "Mutate the seed sql given by user into the mutated sql according to the mutate strategy \"FixMDistinctU\":\"Distinct true -> false\".This mutate strategy will change \"DISTINCT\" in SELECT statement from true to false.",
            "Synthesize the mutated sql that should return a superset of the result set of the seed sql given by user according to the mutate strategy \"FixMDistinctU\":\"Distinct true -> false\".This mutate strategy will change \"DISTINCT\" in SELECT statement from true to false."),
        ["FixMWhere1U"] = new(
            "Mutate the seed sql given by user into the mutated sql according to the mutate strategy \"FixMWhere1U\":\"WHERE xxx -> WHERE 1\".This mutate strategy will change the condition of WHERE clause to \"1\" in SELECT statement.",
            "Synthesize the mutated sql that should return a superset of the result set of the seed sql given by user according to the mutate strategy \"FixMWhere1U\":\"WHERE xxx -> WHERE 1\".This mutate strategy will change the condition of WHERE clause to \"1\" in SELECT statement."),
    };

    public static DatasetCandidate Distinct(int i, string dbms = "mysql", bool passed = true) =>
        new($"d{i}-{dbms}", $"pinolo/output{i % 4 + 1}/{dbms}.json", "FixMDistinctU", dbms,
            $"SELECT DISTINCT `c{i}` FROM `t{i % 7}` WHERE `c{i}` > {i}",
            $"SELECT `c{i}` FROM `t{i % 7}` WHERE `c{i}` > {i}",
            passed, passed ? null : "mutant does not conform");

    public static DatasetCandidate Where(int i, string dbms = "mysql") =>
        new($"w{i}-{dbms}", "pinolo/output1/where.json", "FixMWhere1U", dbms,
            $"SELECT `c{i}` FROM `t{i % 7}` WHERE `c{i}` > {i}",
            $"SELECT `c{i}` FROM `t{i % 7}` WHERE 1",
            true);

    /// <summary>A mixed set: two strategies on two dbms, with duplicates, policy rejects and shared seed queries.</summary>
    public static List<DatasetCandidate> Mixed()
    {
        var all = new List<DatasetCandidate>();
        foreach (var dbms in new[] { "mysql", "tidb" })
        {
            all.AddRange(Enumerable.Range(0, 60).Select(i => Distinct(i, dbms)));
            all.AddRange(Enumerable.Range(0, 30).Select(i => Where(i, dbms)));
            all.AddRange(Enumerable.Range(100, 5).Select(i => Distinct(i, dbms, passed: false)));
        }
        // a duplicate differing only in case and spacing
        all.Add(Distinct(3) with { Id = "dup", Original = "select  DISTINCT `c3` FROM `t3`   WHERE `c3` > 3", Mutated = "SELECT `c3`\nFROM `t3` WHERE `c3` > 3" });
        all.Add(Distinct(4) with { Id = "unknown", Strategy = "FixMNoSuchU" });
        return all;
    }
}
