using MutationHarness.Sql.Shrinking;

namespace MutationHarness.Sql.Tests;

/// <summary>The cuts minimise tries: made identically in seed and mutant, never through the mutated site.</summary>
public sealed class ShrinkTests
{
    [Fact]
    public void Cuts_outside_the_site_are_made_in_both_statements_and_cuts_through_it_are_not_offered()
    {
        const string original = "SELECT a, b FROM t JOIN u ON t.x = u.x WHERE a > 1 AND b < 2";
        const string mutated = "SELECT a, b FROM t JOIN u ON t.x = u.x WHERE a >= 1 AND b < 2";

        var shrinks = PairShrinks.Of(original, mutated).ToList();

        Assert.Contains(shrinks, s => s.Original == "SELECT a, b FROM t JOIN u ON t.x = u.x WHERE a > 1" && s.Mutated == "SELECT a, b FROM t JOIN u ON t.x = u.x WHERE a >= 1");
        Assert.Contains(shrinks, s => s.Original == "SELECT a, b FROM t WHERE a > 1 AND b < 2" && s.Mutated == "SELECT a, b FROM t WHERE a >= 1 AND b < 2");
        Assert.Contains(shrinks, s => s.Original == "SELECT b FROM t JOIN u ON t.x = u.x WHERE a > 1 AND b < 2" && s.Mutated == "SELECT b FROM t JOIN u ON t.x = u.x WHERE a >= 1 AND b < 2");
        Assert.Contains(shrinks, s => s.Original == "SELECT a FROM t JOIN u ON t.x = u.x WHERE a > 1 AND b < 2");
        // The conjunct holding the site, and the WHERE clause around it, are never cut.
        Assert.DoesNotContain(shrinks, s => !s.Mutated.Contains(">=", StringComparison.Ordinal));
        Assert.All(shrinks, s => Assert.Equal(s.Original.Replace("a > 1", "a >= 1", StringComparison.Ordinal), s.Mutated));
    }

    [Fact]
    public void A_derived_table_layer_is_dropped_by_keeping_the_query_that_holds_an_inserted_site()
    {
        const string original = "SELECT x FROM (SELECT a AS x FROM t) AS d WHERE x > 0";
        const string mutated = "SELECT x FROM (SELECT DISTINCT a AS x FROM t) AS d WHERE x > 0";

        var shrinks = PairShrinks.Of(original, mutated).ToList();

        Assert.Contains(shrinks, s => s.Original == "SELECT a AS x FROM t" && s.Mutated == "SELECT DISTINCT a AS x FROM t");
        Assert.Contains(shrinks, s => s.Original == "SELECT x FROM (SELECT a AS x FROM t) AS d" && s.Mutated == "SELECT x FROM (SELECT DISTINCT a AS x FROM t) AS d");
    }

    [Fact]
    public void A_seed_that_does_not_parse_offers_no_cuts() =>
        Assert.Empty(PairShrinks.Of("SELECT FROM WHERE", "SELECT 1"));

    [Fact]
    public void Setups_lose_one_statement_or_one_values_row_at_a_time()
    {
        string[] setup = ["CREATE TABLE t (c INT, d CHAR(3))", "INSERT INTO t VALUES (1, 'a,b'), (2, '(x)'), (3, 'c')"];

        var shrinks = SetupShrinks.Of(setup).Select(s => s.Setup).ToList();

        Assert.Contains(shrinks, s => s.SequenceEqual([setup[1]]));
        Assert.Contains(shrinks, s => s.SequenceEqual([setup[0]]));
        Assert.Contains(shrinks, s => s.SequenceEqual([setup[0], "INSERT INTO t VALUES (2, '(x)'), (3, 'c')"]));
        Assert.Contains(shrinks, s => s.SequenceEqual([setup[0], "INSERT INTO t VALUES (1, 'a,b'), (3, 'c')"]));
        Assert.Contains(shrinks, s => s.SequenceEqual([setup[0], "INSERT INTO t VALUES (1, 'a,b'), (2, '(x)')"]));
        Assert.Equal(5, shrinks.Count);
    }

    [Fact]
    public void The_seed_shape_blanks_identifiers_and_literals_but_keeps_keywords_operators_and_functions()
    {
        Assert.Equal(SqlShape.Of("SELECT c1 FROM t WHERE c1 > 0.5 AND REPEAT('x', 3) = c2"),
                     SqlShape.Of("select `col` from t2 where col > 7 and repeat('y', 9) = c9"));
        Assert.Equal("SELECT id FROM id WHERE id > ? AND REPEAT ( ? , ? ) = id", SqlShape.Of("SELECT c1 FROM t WHERE c1 > 0.5 AND REPEAT('x', 3) = c2"));
        Assert.NotEqual(SqlShape.Of("SELECT c1 FROM t WHERE c1 > 0"), SqlShape.Of("SELECT c1 FROM t WHERE c1 >= 0"));
    }
}
