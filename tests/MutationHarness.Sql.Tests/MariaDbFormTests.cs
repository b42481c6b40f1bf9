namespace MutationHarness.Sql.Tests;

/// <summary>Valid MariaDB the parser used to refuse (issue 10 item 8): INTERVAL(n, …) as an operand, the standard
/// OFFSET … FETCH and ROWS EXAMINED, table value constructors, MATCH … AGAINST and JSON_TABLE.</summary>
public sealed class MariaDbFormTests
{
    [Theory]
    [InlineData("SELECT a FROM t WHERE INTERVAL(a, 1, 10) > 0")]
    [InlineData("SELECT a FROM t WHERE INTERVAL (a) DAY + '2020-01-01' > '2020-01-02' AND INTERVAL(1 + a, 2) = 1")]
    [InlineData("SELECT a FROM t ORDER BY a OFFSET 1 ROWS FETCH FIRST 2 ROWS ONLY")]
    [InlineData("SELECT a FROM t ORDER BY a FETCH NEXT ROW WITH TIES")]
    [InlineData("SELECT a FROM t AS t1 OFFSET 1 ROW")]
    [InlineData("(SELECT a FROM t ORDER BY a FETCH FIRST 1 ROWS ONLY) UNION ALL SELECT 1")]
    [InlineData("SELECT a FROM t LIMIT 2 ROWS EXAMINED 10")]
    [InlineData("SELECT a FROM t LIMIT 1, 2 ROWS EXAMINED 10")]
    [InlineData("SELECT a FROM t LIMIT ROWS EXAMINED 10")]
    [InlineData("SELECT * FROM (VALUES (1, 2), (3, 4)) AS v")]
    [InlineData("SELECT * FROM (VALUES ROW(1, 2), ROW(3, 4)) AS v")]
    [InlineData("SELECT a FROM t WHERE a IN (VALUES (1), (2)) UNION ALL VALUES (3) ORDER BY 1")]
    [InlineData("SELECT * FROM (VALUES (1), (2) ORDER BY 1 LIMIT 1) AS v WHERE EXISTS (VALUES (1))")]
    [InlineData("SELECT a FROM t WHERE MATCH (a, t.b) AGAINST ('x' IN BOOLEAN MODE) AND a > 0")]
    [InlineData("SELECT MATCH (a) AGAINST ('x' IN NATURAL LANGUAGE MODE WITH QUERY EXPANSION) FROM t")]
    [InlineData("SELECT a FROM t WHERE MATCH (a) AGAINST (CONCAT('x', 'y') WITH QUERY EXPANSION)")]
    [InlineData("SELECT * FROM t, JSON_TABLE(t.j, '$[*]' COLUMNS (x INT PATH '$' DEFAULT '5' ON EMPTY NULL ON ERROR, NESTED PATH '$.y' COLUMNS (o FOR ORDINALITY, e INT EXISTS PATH '$.z'))) AS jt WHERE jt.x > 1")]
    [InlineData("SELECT * FROM JSON_TABLE('[1, 2]', '$[*]' COLUMNS (x INT PATH '$')) jt")]
    public void The_form_parses_and_its_normal_form_is_stable(string sql)
    {
        var parsed = SqlParser.TryParse(sql, out var error);

        Assert.True(parsed is not null, error?.Message);
        Assert.Equal(parsed.Normalized, SqlText.Normalize(parsed.Normalized));
    }

    [Theory]
    [InlineData("SELECT a FROM t WHERE INTERVAL(a, 1, 10) > 0", "SELECT a FROM t WHERE INTERVAL(a, 1, 10) >= 0")]
    [InlineData("SELECT a FROM t ORDER BY a FETCH FIRST 1 ROWS ONLY", "SELECT a FROM t ORDER BY a FETCH FIRST 1 ROWS WITH TIES")]
    [InlineData("SELECT a FROM t ORDER BY a FETCH FIRST 2 ROWS ONLY", "SELECT a FROM t ORDER BY a FETCH FIRST ROW ONLY")]
    [InlineData("SELECT a FROM t ORDER BY a OFFSET 1 ROWS", "SELECT a FROM t ORDER BY a LIMIT 1")]
    [InlineData("SELECT a FROM t ORDER BY a OFFSET 1 ROWS FETCH FIRST 2 ROWS ONLY", "SELECT a FROM t ORDER BY a LIMIT 2 OFFSET 1 ROWS EXAMINED 9")]
    [InlineData("SELECT * FROM (VALUES (1), (2)) AS v", "SELECT * FROM (VALUES (1, 2)) AS v")]
    [InlineData("SELECT a FROM t WHERE MATCH (a) AGAINST ('x')", "SELECT a FROM t WHERE MATCH (a) AGAINST ('x' IN BOOLEAN MODE)")]
    [InlineData("SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (x INT PATH '$')) AS jt", "SELECT * FROM JSON_TABLE('[1]', '$[*]' COLUMNS (x INT PATH '$.a')) AS jt")]
    public void Different_meanings_keep_different_normal_forms(string left, string right)
    {
        Assert.NotEqual(SqlText.Normalize(left), SqlText.Normalize(right));
    }

    [Theory]
    [InlineData("SELECT a FROM t ORDER BY a OFFSET 1 ROWS FETCH NEXT 2 ROW ONLY", "select a from t order by a offset 1 row fetch first 2 rows only")]
    [InlineData("SELECT * FROM (VALUES (1),(2)) v", "SELECT * FROM (values (1), (2)) AS v")]
    [InlineData("SELECT a FROM t WHERE MATCH(a,b) AGAINST('x' in boolean mode)", "SELECT a FROM t WHERE MATCH (a, b) AGAINST ('x' IN BOOLEAN MODE)")]
    public void Spelling_variants_of_one_form_normalise_alike(string left, string right)
    {
        Assert.Equal(SqlText.Normalize(left), SqlText.Normalize(right));
    }

    [Theory]
    [InlineData("SELECT a FROM t ORDER BY a FETCH FIRST 2 ROWS", "ONLY or WITH TIES")]
    [InlineData("SELECT a FROM t OFFSET 1", "ROW or ROWS")]
    [InlineData("SELECT a FROM t WHERE MATCH (a) AGAINST ('x' IN SOME MODE)", "')' or a search modifier")]
    [InlineData("SELECT * FROM JSON_TABLE('[1]', '$' (x INT PATH '$')) AS jt", "COLUMNS")]
    public void A_malformed_form_says_what_was_expected(string sql, string expected)
    {
        var error = Assert.Throws<SqlSyntaxError>(() => SqlParser.Parse(sql));

        Assert.Equal(expected, error.Expected);
    }
}
