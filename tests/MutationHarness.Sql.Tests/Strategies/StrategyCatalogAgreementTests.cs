using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Tests.Strategies;

/// <summary>The meta-test: every rule has its catalog file and every file its rule, each strategy owned by exactly
/// one sealed rule, with the file's direction and kind equal to the rule's; and it does catch each kind of mismatch.</summary>
public sealed class StrategyCatalogAgreementTests
{
    [Fact]
    public void The_rules_and_the_shipped_strategy_files_agree()
    {
        Assert.Empty(CatalogAgreement.Mismatches(StrategyRuleSet.Default, CatalogAgreement.ShippedFolder));
        Assert.Equal(18, StrategyRuleSet.Default.Strategies.Count);
        Assert.Equal(StrategyNames.All, StrategyRuleSet.Default.Strategies.Select(s => s.Name));
    }

    [Fact]
    public void Each_family_has_one_sealed_rule_in_the_strategies_folder()
    {
        var families = StrategyRuleSet.Default.Rules.Select(r => r.GetType()).ToList();

        Assert.Equal(
            ["DistinctRule", "SetOperationRule", "ComparisonRule", "InNullRule", "ConditionRule", "PatternRule"],
            families.Select(t => t.Name));
        Assert.All(families, t => Assert.True(t.IsSealed && t.Namespace == "MutationHarness.Sql.Strategies", t.FullName));
    }

    [Fact]
    public void A_rule_without_a_file_is_a_mismatch()
    {
        var folder = CatalogAgreement.CopyOfShipped(f => File.Delete(Path.Combine(f, "FixMInNullU.json")));

        Assert.Equal(["the rule for FixMInNullU has no file FixMInNullU.json"], CatalogAgreement.Mismatches(StrategyRuleSet.Default, folder));
    }

    [Fact]
    public void A_file_without_a_rule_is_a_mismatch()
    {
        var folder = CatalogAgreement.CopyOfShipped(f => File.Copy(Path.Combine(f, "FixMOn0L.json"), Path.Combine(f, "FixMOnNullL.json")));

        Assert.Equal(["FixMOnNullL.json has no rule"], CatalogAgreement.Mismatches(StrategyRuleSet.Default, folder));
    }

    [Fact]
    public void A_file_whose_kind_disagrees_with_its_rule_is_a_mismatch()
    {
        var folder = CatalogAgreement.CopyOfShipped(f =>
        {
            var path = Path.Combine(f, "RdMLikeU.json");
            File.WriteAllText(path, File.ReadAllText(path).Replace("\"kind\": \"random\"", "\"kind\": \"fixed\"", StringComparison.Ordinal));
        });

        var mismatch = Assert.Single(CatalogAgreement.Mismatches(StrategyRuleSet.Default, folder));
        Assert.Equal("RdMLikeU: the file says kind fixed, its rule PatternRule says random", mismatch);
    }

    [Fact]
    public void Two_rules_claiming_one_name_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new StrategyRuleSet([.. StrategyRuleSet.Default.Rules, new InNullRule()]));

        Assert.Contains("FixMInNullU is declared by more than one rule", error.Message, StringComparison.Ordinal);
    }
}
