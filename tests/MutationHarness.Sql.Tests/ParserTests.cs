namespace MutationHarness.Sql.Tests;

public sealed class ParserTests
{
    [Theory]
    [InlineData("SELECT a || b && !c XOR d FROM t")]
    [InlineData("SELECT a <=> b, a IS NOT UNKNOWN, a IS NULL, a NOT BETWEEN 1 AND 2 FROM t")]
    [InlineData("SELECT a FROM t WHERE a NOT LIKE 'x!%' ESCAPE '!' AND b RLIKE '^a' AND c NOT REGEXP 'b'")]
    [InlineData("SELECT a FROM t WHERE a > SOME (SELECT b FROM u) AND NOT EXISTS (SELECT 1) AND (a, b) IN ((1, 2), (3, 4)) AND ROW(a, b) = ROW(1, 2)")]
    [InlineData("SELECT CASE WHEN a THEN 1 ELSE 2 END, CASE a WHEN 1 THEN 'x' END FROM t")]
    [InlineData("SELECT CAST(a AS DECIMAL(10, 2)), CONVERT(a, SIGNED), CONVERT(a USING utf8mb4), CAST(a AS CHAR(3) CHARACTER SET latin1) FROM t")]
    [InlineData("SELECT DATE_ADD(a, INTERVAL 1 DAY_SECOND), a + INTERVAL '1:1' MINUTE_SECOND, INTERVAL(1, 2, 3) FROM t")]
    [InlineData("SELECT a COLLATE utf8mb4_bin, BINARY a, 7 DIV 2, 7 MOD 2, 1 | 2 & 3 ^ 4 << 1 >> 2, ~1 FROM t")]
    [InlineData("SELECT _utf8mb4'abc', _latin1 X'41', x'4142', 0x41, b'101', 0b101, N'abc', 'a' 'b', \"it\"\"s\", 'it''s', 'a\\'b' FROM t")]
    [InlineData("SELECT @x, @@session.sql_mode, @@version, DATE '2020-01-01', TIMESTAMP '2020-01-01 00:00:00' FROM t")]
    [InlineData("SELECT DISTINCTROW HIGH_PRIORITY STRAIGHT_JOIN SQL_SMALL_RESULT SQL_BIG_RESULT SQL_BUFFER_RESULT SQL_NO_CACHE SQL_CALC_FOUND_ROWS a FROM t")]
    [InlineData("SELECT * FROM a, b JOIN c ON b.x = c.x CROSS JOIN d INNER JOIN e USING (y) STRAIGHT_JOIN f ON 1 LEFT OUTER JOIN g ON 1 RIGHT JOIN h ON 1 NATURAL JOIN i NATURAL LEFT OUTER JOIN j NATURAL RIGHT JOIN k")]
    [InlineData("SELECT * FROM t1 USE INDEX (i1) IGNORE KEY FOR ORDER BY (i2) FORCE INDEX FOR JOIN (i3), (SELECT 1) AS d (x), LATERAL (SELECT t1.a) AS l, (t2 JOIN t3 ON 1)")]
    [InlineData("SELECT a, COUNT(*), COUNT(DISTINCT b), SUM(c) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW), ROW_NUMBER() OVER w FROM t GROUP BY a WITH ROLLUP HAVING COUNT(*) > 1 WINDOW w AS (ORDER BY a) ORDER BY a DESC, 2 LIMIT 1, 2")]
    [InlineData("SELECT GROUP_CONCAT(DISTINCT a ORDER BY b DESC SEPARATOR ','), TRIM(LEADING 'x' FROM a), SUBSTRING(a FROM 1 FOR 2), EXTRACT(YEAR FROM a), POSITION('a' IN b), CHAR(65 USING utf8mb4) FROM t LIMIT 3 OFFSET 1")]
    [InlineData("WITH RECURSIVE r (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3), s AS (SELECT 2) SELECT * FROM r")]
    [InlineData("((SELECT 1) UNION ALL (SELECT 2)) INTERSECT (SELECT 1) EXCEPT DISTINCT SELECT 3 ORDER BY 1")]
    [InlineData("(((SELECT 1)))")]
    [InlineData("SELECT ((SELECT 1) + 1), ((a)) FROM t")]
    [InlineData("/* lead */ SELECT 1 -- trailing\n # hash\n ;")]
    [InlineData("SELECT /* ! not executable */ a FROM t /* + not a hint */")]
    [InlineData("SELECT `we``ird` FROM `t` AS `x`")]
    [InlineData("SELECT a->'$.x', a->>'$.y', 1 MEMBER OF ('[1]') FROM t")]
    [InlineData("SELECT a FROM t WHERE (a BETWEEN 1 AND b) LIKE c AND a = b IS NULL AND x BETWEEN 1 AND y LIKE z AND (a LIKE b) LIKE c")]
    [InlineData("SELECT a FROM t WHERE (a IN (1)) = (b IN (2)) AND (x NOT BETWEEN 1 AND 2) NOT IN (SELECT 1) AND (a = b) SOUNDS LIKE c")]
    public void The_dialect_parses(string sql)
    {
        var parsed = SqlParser.TryParse(sql, out var error);

        Assert.True(parsed is not null, error?.Message);
        Assert.Equal(parsed.Normalized, SqlText.Normalize(parsed.Normalized));
    }

    [Theory]
    [InlineData("SELECT a FROM t WHERE", 1, 22, "an expression")]
    [InlineData("SELECT a\nFROM t JOIN", 2, 12, "a table name")]
    [InlineData("SELECT a FROM t LEFT JOIN u", 1, 28, "ON or USING")]
    [InlineData("SELECT 'abc", 1, 8, "closing '")]
    [InlineData("UPDATE t SET a = 1", 1, 1, "SELECT or '('")]
    public void Errors_report_line_column_and_what_was_expected(string sql, int line, int column, string expected)
    {
        var error = Assert.Throws<SqlSyntaxError>(() => SqlParser.Parse(sql));

        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal(expected, error.Expected);
    }

    [Theory]
    [InlineData("SELECT a FROM t WHERE (a > 1)", "select A from `t` where a>1 -- x")]
    [InlineData("SELECT (a + b) * c FROM t", "SELECT ((a+b))*c FROM t")]
    [InlineData("(SELECT 1)", "SELECT 1;")]
    [InlineData("SELECT a FROM t LIMIT 2, 3", "SELECT a FROM t LIMIT 3 OFFSET 2")]
    [InlineData("SELECT a FROM t WHERE a != 1", "SELECT a FROM t WHERE a <> 1")]
    [InlineData("SELECT a FROM t WHERE a = b LIKE c", "SELECT a FROM t WHERE a = (b LIKE c)")]
    [InlineData("SELECT a FROM t WHERE a < b IN (1, 2)", "SELECT a FROM t WHERE a < (b IN (1, 2))")]
    [InlineData("SELECT a FROM t WHERE a BETWEEN 1 AND b LIKE c", "SELECT a FROM t WHERE a BETWEEN 1 AND (b LIKE c)")]
    [InlineData("SELECT a FROM t WHERE a = b IS TRUE", "SELECT a FROM t WHERE (a = b) IS TRUE")]
    public void Case_whitespace_comments_and_redundant_parentheses_normalise_away(string left, string right)
    {
        Assert.Equal(SqlText.Normalize(left), SqlText.Normalize(right));
    }

    [Theory]
    [InlineData("SELECT (a + b) * c FROM t", "SELECT a + b * c FROM t")]
    [InlineData("SELECT a FROM t WHERE NOT (a AND b)", "SELECT a FROM t WHERE NOT a AND b")]
    [InlineData("SELECT 1.0", "SELECT 1")]
    [InlineData("SELECT 'a'", "SELECT 'A'")]
    // A comparison binds looser than LIKE, IN, BETWEEN and REGEXP (MariaDB: 1 = 2 LIKE 2 is 1, (1 = 2) LIKE 2 is 0).
    [InlineData("SELECT 1 = 2 LIKE 2", "SELECT (1 = 2) LIKE 2")]
    [InlineData("SELECT a FROM t WHERE a = b REGEXP c", "SELECT a FROM t WHERE (a = b) REGEXP c")]
    [InlineData("SELECT a FROM t WHERE a = b BETWEEN 0 AND 1", "SELECT a FROM t WHERE (a = b) BETWEEN 0 AND 1")]
    [InlineData("SELECT a FROM t WHERE a = b IN (0)", "SELECT a FROM t WHERE (a = b) IN (0)")]
    [InlineData("SELECT a FROM t WHERE (a BETWEEN 1 AND b) LIKE c", "SELECT a FROM t WHERE a BETWEEN 1 AND b LIKE c")]
    [InlineData("SELECT a FROM t WHERE (a BETWEEN 1 AND b) IN (0)", "SELECT a FROM t WHERE a BETWEEN 1 AND b IN (0)")]
    [InlineData("SELECT a FROM t WHERE (a BETWEEN 1 AND b) REGEXP c", "SELECT a FROM t WHERE a BETWEEN 1 AND b REGEXP c")]
    [InlineData("SELECT a FROM t WHERE (a BETWEEN 1 AND b) BETWEEN 0 AND 1", "SELECT a FROM t WHERE a BETWEEN 1 AND b BETWEEN 0 AND 1")]
    [InlineData("SELECT a FROM t WHERE (a BETWEEN 1 AND b) SOUNDS LIKE c", "SELECT a FROM t WHERE a BETWEEN 1 AND b SOUNDS LIKE c")]
    public void Semantic_differences_survive_normalisation(string left, string right)
    {
        Assert.NotEqual(SqlText.Normalize(left), SqlText.Normalize(right));
    }

    [Fact]
    public void A_mutant_is_the_original_spliced_at_the_site()
    {
        const string Seed = "select  a /* keep */ FROM t\n  WHERE (a = 1) AND b IN (1,2)";

        var mutants = Mutants.Enumerate(Seed);

        Assert.Contains(mutants, m => m.Strategy == "FixMCmpOpU" && m.Sql == "select  a /* keep */ FROM t\n  WHERE (a >= 1) AND b IN (1,2)" && m.IsUpper);
        Assert.Contains(mutants, m => m.Strategy == "FixMInNullU" && m.Sql == "select  a /* keep */ FROM t\n  WHERE (a = 1) AND b IN (1,2,NULL)");
        Assert.Contains(mutants, m => m.Strategy == "FixMWhere0L" && m.Sql == "select  a /* keep */ FROM t\n  WHERE 0" && !m.IsUpper && m.Site == "WHERE of SELECT #1 at 2:9");
        Assert.Contains(mutants, m => m.Strategy == "FixMDistinctL" && m.Sql == "select  DISTINCT a /* keep */ FROM t\n  WHERE (a = 1) AND b IN (1,2)");
    }

    [Fact]
    public void No_sites_are_mined_where_the_walk_stops()
    {
        const string Seed = "SELECT a = 1 FROM t LEFT JOIN u ON t.a = u.a WHERE ABS(b = 1) AND (c = 1) XOR d AND e <=> 1 AND f BETWEEN 1 AND 2 ORDER BY g = 1";

        var strategies = Mutants.Enumerate(Seed).Select(m => m.Strategy).ToHashSet();

        Assert.DoesNotContain("FixMCmpOpU", strategies);
        Assert.DoesNotContain("FixMOn1U", strategies);
        Assert.Contains("FixMWhere1U", strategies);
    }

    [Theory]
    [InlineData("RdMLikeU", "SELECT 1 WHERE 'abcdef' LIKE 'abc%ef'")]
    [InlineData("RdMLikeL", "SELECT 1 WHERE 'abcdef' LIKE '%b%d%'")]
    [InlineData("RdMRegExpU", "SELECT 1 WHERE 'abc' REGEXP '^a+b?c$'")]
    [InlineData("RdMRegExpL", "SELECT 1 WHERE 'abc' REGEXP 'a*b*c*'")]
    public void Random_mutants_follow_the_per_character_rule_and_the_seed(string strategy, string seed)
    {
        var first = Mutants.Enumerate(seed, strategy, randomSeed: 5);
        var again = Mutants.Enumerate(seed, strategy, randomSeed: 5);

        Assert.NotEmpty(first);
        Assert.Equal(first, again);
        Assert.All(first, m => Assert.True(Conformance.Check(strategy, seed, m.Sql).Conforms, m.Sql));
    }
}
