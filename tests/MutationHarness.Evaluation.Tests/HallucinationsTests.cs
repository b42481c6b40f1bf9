namespace MutationHarness.Evaluation.Tests;

public sealed class HallucinationsTests
{
    [Theory]
    [InlineData(1054, "Unknown column 'col_price' in 'where clause'", "column", "col_price")]
    [InlineData(1054, "Unknown column 't.col_price' in 'field list'", "column", "col_price")]
    [InlineData(1146, "Table 'fixture_ab12.orders' doesn't exist", "table", "orders")]
    [InlineData(1305, "FUNCTION fixture_ab12.made_up does not exist", "function", "made_up")]
    [InlineData(1630, "FUNCTION fixture_ab12.made_up does not exist. Check the 'Function Name Parsing and Resolution' section in the Reference Manual", "function", "made_up")]
    [InlineData(1109, "Unknown table 'x' in order clause", "table", "x")]
    public void An_unknown_identifier_is_classified_by_error_number_and_named(int number, string message, string kind, string name)
    {
        // Given a server error / When classified / Then its kind comes from the number and its name from the message
        var invented = Hallucinations.From(number, message);
        Assert.Equal(new HallucinatedIdentifier(kind, name, number), invented);
    }

    [Theory]
    [InlineData(1052, "Column 'pk' in where clause is ambiguous")]
    [InlineData(1064, "You have an error in your SQL syntax near 'Unknown column'")]
    [InlineData(1690, "BIGINT value is out of range")]
    public void Other_errors_are_not_hallucinations_whatever_their_text_says(int number, string message)
    {
        // Given an ambiguous column, a syntax error, an overflow / When classified / Then none is an invention
        Assert.Null(Hallucinations.From(number, message));
    }
}
