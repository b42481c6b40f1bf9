namespace MutationHarness.Evaluation.Tests;

public sealed class SqlExtractorTests
{
    [Theory]
    [InlineData("SELECT 1", "SELECT 1")]
    [InlineData("  SELECT 1;  \n", "SELECT 1")]
    [InlineData("SELECT 1;;", "SELECT 1")]
    [InlineData("```sql\nSELECT a FROM t WHERE 1;\n```", "SELECT a FROM t WHERE 1")]
    [InlineData("Here is the query:\n```\nSELECT a\nFROM t\n```\nDone.", "SELECT a\nFROM t")]
    [InlineData("Sure! The mutated SQL is:\n\nSELECT a FROM t WHERE 1;\n\nThis returns a superset.", "SELECT a FROM t WHERE 1")]
    [InlineData("The mutated query: SELECT a FROM t WHERE 1; it keeps every row.", "SELECT a FROM t WHERE 1")]
    [InlineData("SELECT a\nFROM t\n\nWHERE 1", "SELECT a\nFROM t\n\nWHERE 1")]
    [InlineData("SELECT a FROM t WHERE b = ';'", "SELECT a FROM t WHERE b = ';'")]
    [InlineData("select a from t where 1", "select a from t where 1")]
    [InlineData("SELECT a FROM t WHERE 1\nThis query drops the condition.", "SELECT a FROM t WHERE 1")]
    [InlineData("```python\nprint(1)\n```\n```sql\nSELECT 2\n```", "SELECT 2")]
    [InlineData("```sql\nSELECT 3", "SELECT 3")]
    [InlineData("The answer is `SELECT a FROM t WHERE 1`.", "SELECT a FROM t WHERE 1")]
    [InlineData("Answer: `SELECT `a` FROM t` keeps every row", "SELECT `a` FROM t")]
    [InlineData("The answer is SELECT a FROM t WHERE 1.", "SELECT a FROM t WHERE 1")]
    [InlineData("Try ``SELECT `a` FROM t`` instead.", "SELECT `a` FROM t")]
    public void The_statement_is_taken_out_of_the_answer(string answer, string expected)
    {
        // Given a model's answer / When the SQL is extracted / Then it is the statement alone
        Assert.Equal(expected, SqlExtractor.Extract(answer));
    }

    [Theory]
    [InlineData("SELECT 1; DROP TABLE t;", "SELECT 1; DROP TABLE t")]
    [InlineData("DROP TABLE table_7_utf8_undef", "DROP TABLE table_7_utf8_undef")]
    [InlineData("Use this:\nDELETE FROM t", "DELETE FROM t")]
    public void A_second_or_destructive_statement_is_kept_for_the_guard_to_see(string answer, string expected)
    {
        // Given an answer with a statement that must never run / When extracted / Then nothing of it is hidden
        Assert.Equal(expected, SqlExtractor.Extract(answer));
    }
}

public sealed class OrderByTests
{
    [Theory]
    [InlineData("SELECT a FROM t ORDER BY a", true)]
    [InlineData("select a from t order\n by a limit 3", true)]
    [InlineData("SELECT a, ROW_NUMBER() OVER (ORDER BY a) FROM t", false)]
    [InlineData("SELECT a FROM (SELECT a FROM t ORDER BY a) x", false)]
    [InlineData("SELECT 'ORDER BY' FROM t", false)]
    [InlineData("SELECT `order` FROM t", false)]
    [InlineData("SELECT a FROM t UNION ALL SELECT b FROM u ORDER BY 1", true)]
    [InlineData("SELECT a FROM t UNION ALL (SELECT b FROM u ORDER BY b)", false)]
    [InlineData("WITH c AS (SELECT a FROM t) SELECT a FROM c ORDER BY a", true)]
    [InlineData("WITH c AS (SELECT a FROM t ORDER BY a) SELECT a FROM c", false)]
    [InlineData("SELECT a FROM t ORDER BY", false)]
    public void Only_an_order_by_of_the_whole_statement_counts(string sql, bool ordered)
    {
        // Given a reference / When checked for a top-level ORDER BY / Then only the outermost counts
        Assert.Equal(ordered, SqlFacts.HasTopLevelOrderBy(sql));
    }
}
