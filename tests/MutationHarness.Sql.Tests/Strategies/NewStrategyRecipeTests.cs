using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Tests.Strategies;

/// <summary>The README's "Add a strategy" recipe, followed for a made-up 19th strategy (FixMInDropL) in the test
/// project: its rule joins a rule set, its file joins a copy of the catalog, and every part of the engine — the
/// meta-test, mutate, check, the fast path — picks it up. The product keeps its 18.</summary>
public sealed class NewStrategyRecipeTests
{
    private const string Seed = "SELECT a FROM t WHERE a IN (1, 2, 3) AND b NOT IN (4, 5) AND c IN (6)";

    private static readonly StrategyRuleSet Rules = new([.. StrategyRuleSet.Default.Rules, new InListShrinkRule()]);

    private static readonly string Catalog = CatalogAgreement.CopyOfShipped(folder => File.WriteAllText(
        Path.Combine(folder, "FixMInDropL.json"),
        """
        {
          "name": "FixMInDropL",
          "direction": "L",
          "kind": "fixed",
          "site": "an IN (value list)",
          "precondition": "two or more values",
          "rewrite": "drop the last value",
          "instructions": {
            "mutate": "Mutate the seed sql given by user into the mutated sql according to the mutate strategy \"FixMInDropL\": \"a IN (x, y) -> a IN (x)\".",
            "synthesize": "Synthesize the mutated sql that should return a subset of the result set of the seed sql given by user according to the mutate strategy \"FixMInDropL\": \"a IN (x, y) -> a IN (x)\"."
          }
        }
        """));

    [Fact]
    public void Step_1_the_meta_test_wants_both_the_rule_and_the_file()
    {
        Assert.Empty(CatalogAgreement.Mismatches(Rules, Catalog));
        Assert.Equal(["FixMInDropL.json has no rule"], CatalogAgreement.Mismatches(StrategyRuleSet.Default, Catalog));
        Assert.Equal(["the rule for FixMInDropL has no file FixMInDropL.json"], CatalogAgreement.Mismatches(Rules, CatalogAgreement.ShippedFolder));
    }

    [Fact]
    public void Step_2_mutate_offers_one_mutant_per_site_with_the_walks_direction()
    {
        var mutants = Mutants.Enumerate(Rules, Seed, "FixMInDropL", randomSeed: 0);

        Assert.Equal(
            [
                ("SELECT a FROM t WHERE a IN (1, 2) AND b NOT IN (4, 5) AND c IN (6)", false),
                ("SELECT a FROM t WHERE a IN (1, 2, 3) AND b NOT IN (4) AND c IN (6)", true),
            ],
            mutants.Select(m => (m.Sql, m.IsUpper)));
    }

    [Fact]
    public void Step_3_check_accepts_its_mutants_and_names_its_wrong_ones()
    {
        var made = Conformance.Check(Rules, "FixMInDropL", Seed, "select a from t where a in (1,2) and b not in (4, 5) and c in (6)");
        var wrongValue = Conformance.Check(Rules, "FixMInDropL", Seed, "SELECT a FROM t WHERE a IN (2, 3) AND b NOT IN (4, 5) AND c IN (6)");
        var oneValue = Conformance.Check(Rules, "FixMInDropL", Seed, "SELECT a FROM t WHERE a IN (1, 2, 3) AND b NOT IN (4, 5) AND c IN ()");
        var another = Conformance.Check(Rules, "FixMInDropL", Seed, "SELECT a FROM t WHERE a IN (1, 2, 3, NULL) AND b NOT IN (4, 5) AND c IN (6)");

        Assert.Equal((true, false, "IN list at 1:23"), (made.Conforms, made.IsUpper, made.Site));
        Assert.Equal(ConformanceFailure.ChangeNotMadeByStrategy, wrongValue.Failure);
        Assert.Equal(ConformanceFailure.DoesNotParse, oneValue.Failure);
        Assert.Equal((ConformanceFailure.ChangeNotMadeByStrategy, "FixMInNullU"), (another.Failure, another.OtherStrategy));
    }

    [Fact]
    public void Step_4_its_fast_path_agrees_with_its_reference_on_generated_input()
    {
        var answered = 0;
        foreach (var seed in SeedQueryGenerator.Generate(new Random(42), 200))
        {
            foreach (var mutant in Mutants.Enumerate(Rules, seed, "FixMInDropL", randomSeed: 0))
            {
                var slow = Conformance.CheckSlow(Rules, "FixMInDropL", seed, mutant.Sql);
                var fast = Conformance.CheckFast(Rules, "FixMInDropL", seed, mutant.Sql);
                Assert.True(slow.Conforms, $"{slow.Reason}\n{seed}\n{mutant.Sql}");
                Assert.True(fast is null || fast == slow, $"slow: {slow}\nfast: {fast}");
                answered += fast is null ? 0 : 1;
            }
        }

        Assert.True(answered > 0, "the generated seeds give no FixMInDropL mutant the fast path answers");
    }

    [Fact]
    public void The_product_keeps_its_18_strategies()
    {
        Assert.Equal(18, StrategyNames.All.Count);
        Assert.Equal(ConformanceFailure.UnknownStrategy, Conformance.Check("FixMInDropL", Seed, "SELECT a FROM t WHERE a IN (1, 2) AND b NOT IN (4, 5) AND c IN (6)").Failure);
    }
}
