namespace MutationHarness.FineTuning.Tests;

public sealed class SqlNormaliserTests
{
    [Theory]
    [InlineData("SELECT  a\n FROM\tT", "select a from t")]
    [InlineData("  SELECT 'A  B' FROM `My  T`  ", "select 'A  B' from `My  T`")]
    [InlineData("SELECT 'it''s  X', \"Q  \\\" R\" FROM T", "select 'it''s  X', \"Q  \\\" R\" from t")]
    [InlineData("WHERE c LIKE 'A%'", "where c like 'A%'")]
    public void Whitespace_collapses_and_case_folds_outside_quotes(string sql, string expected) =>
        Assert.Equal(expected, SqlNormaliser.Normalise(sql));
}
