using System.Text.Json;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Verdicts;
using MutationHarness.TestSupport;
using MutationHarness.Verification;

namespace MutationHarness.Integration.Tests;

/// <summary>The rules of issue 10 items 1-5 through <c>verify</c> on the embedded MariaDB, each shape next to its
/// twin: a pair the rule refuses is non-conforming (naming why) and never runs; its twin, the same shape where the
/// relation holds, verifies in the direction the polarity walk gives.</summary>
public sealed class SoundnessRuleTests(VerifierFixture fixture)
{
    internal static IReadOnlyList<string> Setup => Tables;

    private static readonly string[] Tables =
    [
        "CREATE TABLE t (a INT, b INT, c INT)",
        "INSERT INTO t VALUES (1, 10, 100), (1, 20, 200), (2, 30, 300), (3, 40, 400)",
        "CREATE TABLE u (b INT)",
        "INSERT INTO u VALUES (1), (2), (5)",
        "CREATE TABLE t1 (a INT)",
        "INSERT INTO t1 VALUES (1), (2)",
        "CREATE TABLE T1 (a INT)",
        "INSERT INTO T1 VALUES (7)",
        "CREATE TABLE w (s VARCHAR(10))",
        "INSERT INTO w VALUES ('a+'), ('a*'), ('aa'), ('a%b'), ('axb'), ('')",
    ];

    private const string Cte = "WITH c AS (SELECT b FROM u WHERE b > 1) ";
    private const string CteMutated = "WITH c AS (SELECT b FROM u WHERE b >= 1) ";

    public static TheoryData<string, string, string, string> Refused => new()
    {
        // 1. CTEs take the polarity of their references: none at both polarities, none below a stop.
        {
            "FixMCmpOpU",
            Cte + "SELECT a FROM t WHERE a IN (SELECT b FROM c) AND a NOT IN (SELECT b + 1 FROM c)",
            CteMutated + "SELECT a FROM t WHERE a IN (SELECT b FROM c) AND a NOT IN (SELECT b + 1 FROM c)",
            "referenced at both polarities"
        },
        { "FixMCmpOpU", Cte + "SELECT a FROM t LEFT JOIN c ON t.a = c.b", CteMutated + "SELECT a FROM t LEFT JOIN c ON t.a = c.b", "referenced under an outer join" },
        // 2. No expected relation: below an aggregate or a LIMIT.
        { "FixMWhere1U", "SELECT COUNT(*) FROM t WHERE a > 1", "SELECT COUNT(*) FROM t WHERE 1", "SELECT #1 aggregates (COUNT)" },
        { "FixMWhere1U", "SELECT a FROM t WHERE a > 1 ORDER BY a LIMIT 2", "SELECT a FROM t WHERE 1 ORDER BY a LIMIT 2", "LIMIT keeps only the first rows" },
        // 3. Hidden aggregation and arbitrary rows.
        { "FixMWhere1U", "SELECT a FROM t WHERE a > 1 ORDER BY COUNT(*)", "SELECT a FROM t WHERE 1 ORDER BY COUNT(*)", "aggregates (COUNT in ORDER BY)" },
        { "FixMWhere1U", "SELECT (SELECT SUM(t.b)) FROM t WHERE a > 1", "SELECT (SELECT SUM(t.b)) FROM t WHERE 1", "aggregates (SUM in a subquery" },
        { "FixMWhere1U", "SELECT a + b FROM t WHERE c > 100 GROUP BY a", "SELECT a + b FROM t WHERE 1 GROUP BY a", "selects `b`, neither grouped nor aggregated" },
        { "FixMWhere1U", "SELECT c AS a FROM t WHERE b > 10 GROUP BY a", "SELECT c AS a FROM t WHERE 1 GROUP BY a", "GROUP BY `a` reads a column of FROM before the alias" },
        {
            "FixMWhere1U", "SELECT c AS a FROM (SELECT a, c FROM t) AS d WHERE c > 100 GROUP BY a", "SELECT c AS a FROM (SELECT a, c FROM t) AS d WHERE 1 GROUP BY a",
            "GROUP BY `a` reads a column of FROM before the alias"
        },
        // 4. Table names are case-sensitive: t1 and T1 are two tables.
        { "FixMWhere1U", "SELECT a FROM t1 WHERE a > 1", "SELECT a FROM T1 WHERE 1", "something else changed" },
        // 5. Pattern syntax: a bracket expression, an escape, a possessive quantifier, an escaped LIKE wildcard.
        { "RdMRegExpU", "SELECT s FROM w WHERE 'a+' REGEXP '[+]a+'", "SELECT s FROM w WHERE 'a+' REGEXP '[*]a+'", "inside a bracket expression" },
        { "RdMRegExpU", @"SELECT s FROM w WHERE 'a+' REGEXP 'a\\+'", @"SELECT s FROM w WHERE 'a+' REGEXP 'a\\*'", "escaped" },
        { "RdMRegExpU", "SELECT s FROM w WHERE 'aa' REGEXP '^a?+a$'", "SELECT s FROM w WHERE 'aa' REGEXP '^a*+a$'", "lazy or possessive" },
        { "RdMLikeL", @"SELECT s FROM w WHERE 'a%b' LIKE 'a\\%b%'", @"SELECT s FROM w WHERE 'a%b' LIKE 'a\\_b%'", "escaped" },
        // ESCAPE '' is the backslash on the server (the _ stays escaped); a character outside the BMP is one character.
        { "RdMLikeU", @"SELECT s FROM w WHERE 'a_b' LIKE 'a\\_b' ESCAPE ''", @"SELECT s FROM w WHERE 'a_b' LIKE 'a\\%b' ESCAPE ''", "escaped" },
        { "RdMLikeU", "SELECT s FROM w WHERE '😀b' LIKE '😀c'", "SELECT s FROM w WHERE '😀b' LIKE '%%c'", "changed length" },
    };

    public static TheoryData<string, string, string, bool> Twins => new()
    {
        { "FixMCmpOpU", Cte + "SELECT a FROM t WHERE a NOT IN (SELECT b FROM c)", CteMutated + "SELECT a FROM t WHERE a NOT IN (SELECT b FROM c)", false },
        {
            "FixMCmpOpU",
            Cte + "SELECT a FROM t WHERE a IN (SELECT b FROM c) AND a IN (SELECT b + 1 FROM c)",
            CteMutated + "SELECT a FROM t WHERE a IN (SELECT b FROM c) AND a IN (SELECT b + 1 FROM c)",
            true
        },
        { "FixMCmpOpU", Cte + "SELECT a FROM t JOIN c ON t.a = c.b", CteMutated + "SELECT a FROM t JOIN c ON t.a = c.b", true },
        { "FixMWhere1U", "SELECT a FROM t WHERE a > 1", "SELECT a FROM t WHERE 1", true },
        { "FixMWhere1U", "SELECT a FROM t WHERE a > 1 ORDER BY a LIMIT 2147483647", "SELECT a FROM t WHERE 1 ORDER BY a LIMIT 2147483647", true },
        { "FixMWhere1U", "SELECT a FROM t WHERE a > 1 ORDER BY ABS(a)", "SELECT a FROM t WHERE 1 ORDER BY ABS(a)", true },
        { "FixMWhere1U", "SELECT (SELECT SUM(u.b) FROM u) FROM t WHERE a > 1", "SELECT (SELECT SUM(u.b) FROM u) FROM t WHERE 1", true },
        { "FixMWhere1U", "SELECT a + 1 FROM t WHERE c > 100 GROUP BY a", "SELECT a + 1 FROM t WHERE 1 GROUP BY a", true },
        { "FixMWhere1U", "SELECT a AS a FROM t WHERE b > 10 GROUP BY a", "SELECT a AS a FROM t WHERE 1 GROUP BY a", true },
        { "FixMWhere1U", "SELECT c AS x FROM (SELECT b, c FROM t) AS d WHERE b > 10 GROUP BY x", "SELECT c AS x FROM (SELECT b, c FROM t) AS d WHERE 1 GROUP BY x", true },
        { "FixMWhere1U", "SELECT a FROM t1 WHERE a > 1", "SELECT A FROM `t1` WHERE 1", true },
        { "RdMRegExpU", "SELECT s FROM w WHERE 'a+' REGEXP '[+]a+'", "SELECT s FROM w WHERE 'a+' REGEXP '[+]a*'", true },
        { "RdMRegExpU", @"SELECT s FROM w WHERE 'a+' REGEXP 'a+\\+'", @"SELECT s FROM w WHERE 'a+' REGEXP 'a*\\+'", true },
        { "RdMRegExpU", "SELECT s FROM w WHERE 'aa' REGEXP '^a?+a$'", "SELECT s FROM w WHERE 'aa' REGEXP 'a?+a$'", true },
        { "RdMLikeL", @"SELECT s FROM w WHERE 'a%b' LIKE 'a\\%b%'", @"SELECT s FROM w WHERE 'a%b' LIKE 'a\\%b_'", false },
        { "RdMLikeU", @"SELECT s FROM w WHERE 'a_b' LIKE 'a\\_b' ESCAPE ''", @"SELECT s FROM w WHERE 'a_b' LIKE '%\\_b' ESCAPE ''", true },
        { "RdMLikeU", "SELECT s FROM w WHERE '😀b' LIKE '😀c'", "SELECT s FROM w WHERE '😀b' LIKE '%%'", true },
        // INTERSECT keeps the flag on both sides; EXCEPT flips it on the right.
        { "FixMWhere1U", "SELECT a FROM t INTERSECT SELECT b FROM u WHERE b > 1", "SELECT a FROM t INTERSECT SELECT b FROM u WHERE 1", true },
        { "FixMWhere1U", "SELECT a FROM t EXCEPT SELECT b FROM u WHERE b > 1", "SELECT a FROM t EXCEPT SELECT b FROM u WHERE 1", false },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_pair_the_rule_refuses_is_non_conforming_with_its_reason_and_never_runs(string strategy, string original, string mutated, string why)
    {
        var report = await VerifyAsync(strategy, original, mutated);

        Assert.Equal(Verdict.NonConforming, report.Verdict);
        Assert.Contains(why, report.Reason, StringComparison.Ordinal);
        Assert.Empty(report.Targets);
    }

    [Theory]
    [MemberData(nameof(Twins))]
    public async Task Its_twin_verifies_in_the_direction_of_the_walk(string strategy, string original, string mutated, bool isUpper)
    {
        var report = await VerifyAsync(strategy, original, mutated);

        Assert.True(report.Verdict == Verdict.Verified, $"{report.Verdict}: {report.Reason}");
        Assert.Equal((isUpper, "polarity"), (report.Expected!.IsUpper, report.Expected.From));
    }

    private async Task<PairReport> VerifyAsync(string strategy, string original, string mutated)
    {
        var id = "soundness-" + (original + mutated).GetHashCode(StringComparison.Ordinal);
        var record = InputRecord.Read(new MutationPair(id, new SourceLocation("test", 1), strategy, original, mutated, "mariadb", null, Tables));
        return await fixture.Verifier.VerifyAsync(record, TestContext.Current.CancellationToken);
    }
}

/// <summary>The same pairs through the <c>check</c> command: exit 1 with the reason for a refused pair, exit 0 with the
/// walk's direction for its twin.</summary>
public sealed class SoundnessRuleCheckTests
{
    [Theory]
    [MemberData(nameof(SoundnessRuleTests.Refused), MemberType = typeof(SoundnessRuleTests))]
    public async Task Check_exits_1_naming_why_the_pair_does_not_conform(string strategy, string original, string mutated, string why)
    {
        var (exit, output, error) = await CliTests.RunAsync("", "check", "--strategy", strategy, original, mutated);

        Assert.True(exit == 1, error);
        Assert.Contains(why, output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SoundnessRuleTests.Twins), MemberType = typeof(SoundnessRuleTests))]
    public async Task Check_exits_0_with_the_walks_direction_for_the_twin(string strategy, string original, string mutated, bool isUpper)
    {
        var (exit, output, error) = await CliTests.RunAsync("", "check", "--strategy", strategy, original, mutated);

        Assert.True(exit == 0, output + error);
        Assert.Contains(isUpper ? "upper: the result must not shrink" : "lower: the result must not grow", output, StringComparison.Ordinal);
    }
}

/// <summary>The same pairs through <c>clean</c>, even keeping violations: a refused pair lands in rejected.jsonl with its
/// reason, never in the training files; every twin is emitted.</summary>
public sealed class SoundnessRuleCleanTests
{
    [Fact]
    public async Task Clean_never_emits_a_refused_pair_and_emits_every_twin()
    {
        ServerAvailability.RequireMariaDb();
        var refused = SoundnessRuleTests.Refused.Select(row => (Strategy: row.Data.Item1, Original: row.Data.Item2, Mutated: row.Data.Item3)).ToList();
        var twins = SoundnessRuleTests.Twins.Select(row => (Strategy: row.Data.Item1, Original: row.Data.Item2, Mutated: row.Data.Item3)).ToList();
        var folder = Directory.CreateTempSubdirectory("soundness-clean").FullName;
        var pairs = Path.Combine(folder, "pairs.jsonl");
        File.WriteAllLines(pairs, refused.Select((p, i) => Line($"refused-{i}", p)).Concat(twins.Select((p, i) => Line($"twin-{i}", p))));
        var outDir = Path.Combine(folder, "dataset");

        var (exit, _, error) = await CliTests.RunAsync("", "clean", pairs, "--out-dir", outDir, "--policy", "keep-violations", "--validation-fraction", "0", "--min-per-strategy", "0");

        Assert.True(exit == 0, error);
        var emitted = File.ReadAllLines(Path.Combine(outDir, "train.jsonl")).Concat(File.ReadAllLines(Path.Combine(outDir, "validation.jsonl")))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("messages")[2].GetProperty("content").GetString()).ToList();
        Assert.Equal(twins.Select(t => t.Mutated).Order(StringComparer.Ordinal), emitted.Order(StringComparer.Ordinal));
        var rejected = File.ReadAllLines(Path.Combine(outDir, "rejected.jsonl")).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(refused.Count, rejected.Count);
        Assert.All(rejected, r => Assert.StartsWith("refused-", r.GetProperty("id").GetString(), StringComparison.Ordinal));
    }

    private static string Line(string id, (string Strategy, string Original, string Mutated) pair) =>
        JsonSerializer.Serialize(new { id, strategy = pair.Strategy, original = pair.Original, mutated = pair.Mutated, setup = SoundnessRuleTests.Setup });
}

/// <summary>The same seeds through <c>mutate</c>: it never offers a refused mutant (a seed whose only site is refused
/// says which stop), and what it offers conforms.</summary>
public sealed class SoundnessRuleMutateTests
{
    [Fact]
    public async Task Mutate_never_offers_a_refused_mutant()
    {
        var refused = SoundnessRuleTests.Refused.Select(row => row.Data).ToList();
        var folder = Directory.CreateTempSubdirectory("soundness-mutate").FullName;
        foreach (var group in refused.GroupBy(r => r.Item1))
        {
            var seeds = Path.Combine(folder, group.Key + ".txt");
            var pairs = Path.Combine(folder, group.Key + ".jsonl");
            File.WriteAllLines(seeds, group.Select(r => r.Item2).Distinct(StringComparer.Ordinal));

            var (exit, _, error) = await CliTests.RunAsync("", "mutate", "--seeds", seeds, "--strategy", group.Key, "--out", pairs);

            Assert.True(exit is 0 or 1, error);
            var offered = File.ReadAllLines(pairs).Select(line => JsonDocument.Parse(line).RootElement).ToList();
            foreach (var (strategy, original, mutated, why) in group)
            {
                Assert.DoesNotContain(offered, o => o.GetProperty("original").GetString() == original && o.GetProperty("mutated").GetString() == mutated);
            }

            Assert.All(offered, o => Assert.True(
                Sql.Conformance.Check(group.Key, o.GetProperty("original").GetString()!, o.GetProperty("mutated").GetString()!).Conforms, o.ToString()));
        }
    }

    [Fact]
    public async Task A_seed_whose_only_site_has_no_expected_relation_gets_no_mutant_and_names_the_stop()
    {
        var (exit, output, error) = await CliTests.RunAsync("", "mutate", "SELECT COUNT(*) FROM t WHERE a > 1", "--strategy", "FixMWhere1U");

        Assert.Equal(0, exit);
        Assert.Contains("0 mutant(s)", output + error, StringComparison.Ordinal);
        Assert.Contains("where no containment is expected (SELECT #1 aggregates (COUNT))", error, StringComparison.Ordinal);

        (exit, output, _) = await CliTests.RunAsync("", "mutate", "SELECT a FROM t WHERE a > 1", "--strategy", "FixMWhere1U", "--json");
        Assert.Equal(0, exit);
        Assert.Equal("SELECT a FROM t WHERE 1", JsonDocument.Parse(output.Trim()).RootElement.GetProperty("mutated").GetString());
    }
}
