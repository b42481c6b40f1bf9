namespace MutationHarness.Sql.Tests;

/// <summary>The RdM* rules read the pattern's syntax (SEMANTICS §2): a regular expression's + ? * are quantifiers only
/// unescaped, outside a bracket expression and not lazy or possessive; ^ and $ are anchors only at the ends and
/// unescaped; LIKE's % and _ are wildcards only unescaped. Each refused change is next to its allowed twin.</summary>
public sealed class PatternSyntaxTests
{
    private static string Regexp(string pattern) => $"SELECT a FROM t WHERE 'abc' REGEXP '{pattern}'";

    private static string Like(string pattern, string escape = "") => $"SELECT a FROM t WHERE 'abc' LIKE '{pattern}'{escape}";

    [Theory]
    [InlineData("RdMRegExpU", @"[+]a+", @"[*]a+", "inside a bracket expression")]
    [InlineData("RdMRegExpU", @"[+]a+", @"[+]a*", null)]
    [InlineData("RdMRegExpU", @"a\\+b+", @"a\\*b+", "escaped")]
    [InlineData("RdMRegExpU", @"a\\+b+", @"a\\+b*", null)]
    [InlineData("RdMRegExpU", @"ab?+c?", @"ab*+c?", "lazy or possessive")]
    [InlineData("RdMRegExpU", @"ab?+c?", @"ab?+c*", null)]
    [InlineData("RdMRegExpU", @"ab+?c+", @"ab*?c+", "lazy or possessive")]
    [InlineData("RdMRegExpU", @"a^b$", @"a^b", null)]
    [InlineData("RdMRegExpU", @"^ab\\$", @"ab\\$", null)]
    [InlineData("RdMRegExpU", @"^ab\\$", @"^ab\\", "is not allowed")]
    [InlineData("RdMRegExpU", @"(?:ab)+", @"(*:ab)+", "no wildcard, quantifier or anchor")]
    [InlineData("RdMRegExpU", @"(?:ab)+", @"(?:ab)*", null)]
    [InlineData("RdMRegExpL", @"[*]b*", @"[+]b*", "inside a bracket expression")]
    [InlineData("RdMRegExpL", @"[*]b*", @"[*]b?", null)]
    [InlineData("RdMRegExpL", @"ab*+c*", @"ab++c*", "lazy or possessive")]
    [InlineData("RdMRegExpL", @"ab*+c*", @"ab*+c+", null)]
    [InlineData("RdMRegExpL", @"a\\*b*", @"a\\+b*", "escaped")]
    [InlineData("RdMRegExpL", @"a{2}*b*", @"a{2}+b*", "lazy or possessive")]
    public void Regular_expression_rules_touch_only_real_quantifiers_and_anchors(string strategy, string before, string after, string? refused)
    {
        AssertRule(strategy, Regexp(before), Regexp(after), refused);
    }

    [Theory]
    [InlineData("RdMLikeL", @"a\\%b%", @"a\\_b%", "escaped")]
    [InlineData("RdMLikeL", @"a\\%b%", @"a\\%b_", null)]
    [InlineData("RdMLikeU", @"a\\_b", @"a\\%b", "escaped")]
    [InlineData("RdMLikeU", @"a\\_b", @"a\\_%", null)]
    [InlineData("RdMLikeU", @"a\\_b", @"%\\_b", null)]
    [InlineData("RdMLikeU", @"a\\%", @"%\\%", null)]
    [InlineData("RdMLikeU", @"ab\\%", @"ab%%", "escaped")]
    [InlineData("RdMLikeU", "😀b", "%b", null)]
    [InlineData("RdMLikeU", "😀b", "%%b", "changed length")]
    [InlineData("RdMLikeL", "😀%b", "😀_b", null)]
    public void Like_rules_touch_only_unescaped_wildcards(string strategy, string before, string after, string? refused)
    {
        AssertRule(strategy, Like(before), Like(after), refused);
    }

    [Theory]
    [InlineData("RdMLikeL", "a!%b%", "a!_b%", "escaped")]
    [InlineData("RdMLikeL", "a!%b%", "a!%b_", null)]
    [InlineData("RdMLikeL", @"a\\%b", @"a\\_b", null)]
    public void Like_with_an_escape_clause_uses_that_character(string strategy, string before, string after, string? refused)
    {
        AssertRule(strategy, Like(before, " ESCAPE '!'"), Like(after, " ESCAPE '!'"), refused);
    }

    [Theory]
    [InlineData("RdMLikeU", @"a\\_b", @"a\\%b", "escaped")]
    [InlineData("RdMLikeU", @"a\\_b", @"%\\_b", null)]
    [InlineData("RdMLikeL", @"a\\%b%", @"a\\_b%", "escaped")]
    [InlineData("RdMLikeL", @"a\\%b%", @"a\\%b_", null)]
    public void Like_with_an_empty_escape_clause_escapes_with_the_backslash_as_the_server_does(string strategy, string before, string after, string? refused)
    {
        // MariaDB 10.11 reads ESCAPE '' as the backslash: 'a_c' LIKE 'a\\_c' ESCAPE '' is 1, the _ is escaped.
        AssertRule(strategy, Like(before, " ESCAPE ''"), Like(after, " ESCAPE ''"), refused);
    }

    [Theory]
    [InlineData("RdMRegExpU", "[+]a+b?")]
    [InlineData("RdMRegExpU", @"^a\\+b\\?c+$")]
    [InlineData("RdMRegExpU", "a?+b++c+")]
    [InlineData("RdMRegExpL", "[*]a*b*?c*")]
    [InlineData("RdMLikeL", @"a\\%b%c%")]
    [InlineData("RdMLikeU", @"a\\_b%")]
    [InlineData("RdMLikeU", "😀a😀b")]
    [InlineData("RdMLikeL", "😀%😀%")]
    [InlineData("RdMRegExpU", "^😀+😀?$")]
    [InlineData("RdMRegExpL", "😀*😀*")]
    public void Mutate_changes_only_what_the_rule_allows(string strategy, string pattern)
    {
        var seed = strategy.StartsWith("RdMLike", StringComparison.Ordinal) ? Like(pattern) : Regexp(pattern);

        var mutants = Enumerable.Range(0, 20).SelectMany(r => Mutants.Enumerate(seed, strategy, r)).Select(m => m.Sql).Distinct().ToList();

        Assert.NotEmpty(mutants);
        Assert.All(mutants, m => Assert.True(Conformance.Check(strategy, seed, m).Conforms, m));
        // A character outside the BMP is one character: never half of it replaced (a lone surrogate).
        Assert.All(mutants, m => Assert.DoesNotContain(m.EnumerateRunes(), r => r == System.Text.Rune.ReplacementChar));
    }

    [Theory]
    [InlineData("RdMRegExpU", @"[+?]\\+a*", "[*?]")]
    [InlineData("RdMRegExpL", @"[*]a\\*b+", "[+]")]
    [InlineData("RdMLikeL", @"ab\\%", @"ab\\_")]
    public void A_pattern_with_nothing_the_rule_may_change_is_no_site(string strategy, string pattern, string changed)
    {
        var seed = strategy.StartsWith("RdMLike", StringComparison.Ordinal) ? Like(pattern) : Regexp(pattern);
        var naive = seed.Replace(pattern[..changed.Length], changed, StringComparison.Ordinal);

        Assert.Empty(Mutants.Enumerate(seed, strategy));
        var result = Conformance.Check(strategy, seed, naive);
        Assert.Equal(ConformanceFailure.ChangeNotMadeByStrategy, result.Failure);
        Assert.Contains("is not allowed", result.Reason, StringComparison.Ordinal);
    }

    private static void AssertRule(string strategy, string original, string mutant, string? refused)
    {
        var result = Conformance.Check(strategy, original, mutant);

        if (refused is null)
        {
            Assert.True(result.Conforms, result.Reason);
            return;
        }

        Assert.False(result.Conforms, $"{strategy}: {original} -> {mutant}");
        Assert.Contains(refused, result.Reason, StringComparison.Ordinal);
    }
}
