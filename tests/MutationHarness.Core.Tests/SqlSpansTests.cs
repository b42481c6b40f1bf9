using MutationHarness.Core.Text;

namespace MutationHarness.Core.Tests;

public sealed class SqlSpansTests
{
    private static List<(string Text, SqlSpanKind Kind)> Spans(string sql) =>
        SqlSpans.Of(sql).Select(s => (sql[s.Start..s.End], s.Kind)).ToList();

    [Fact]
    public void Quotes_comments_and_code_are_told_apart_and_cover_the_whole_text()
    {
        const string sql = "SELECT 'a;b', \"c\"\"d\", `e``f` -- g'h\nFROM t # i\n/* j */ /*!50000 k */ /*M! l */";

        var spans = Spans(sql);

        Assert.Equal(sql, string.Concat(spans.Select(s => s.Text)));
        Assert.Equal(
            ["'a;b'", "\"c\"\"d\"", "`e``f`"],
            spans.Where(s => s.Kind == SqlSpanKind.Quoted).Select(s => s.Text));
        Assert.Equal(["-- g'h", "# i", "/* j */"], spans.Where(s => s.Kind == SqlSpanKind.Comment).Select(s => s.Text));
        Assert.Equal(["/*!50000 k */", "/*M! l */"], spans.Where(s => s.Kind == SqlSpanKind.ExecutableComment).Select(s => s.Text));
    }

    [Theory]
    [InlineData(@"'a\'b'", @"'a\'b'")]        // a backslash escapes the quote
    [InlineData(@"`a\`b`", @"`a\`")]         // but not inside backticks
    [InlineData("'unterminated", "'unterminated")]
    public void A_quote_ends_where_MySQL_ends_it(string sql, string quoted) =>
        Assert.Equal(quoted, Spans(sql).First(s => s.Kind == SqlSpanKind.Quoted).Text);

    [Fact]
    public void Two_dashes_without_a_space_are_code_not_a_comment()
    {
        Assert.All(Spans("SELECT 1--2"), s => Assert.Equal(SqlSpanKind.Code, s.Kind));
        Assert.Equal(SqlSpanKind.Comment, Spans("SELECT 1 --")[^1].Kind);
    }

    [Theory]
    [InlineData("SELECT 1 --\u3000x; DROP TABLE t")]
    [InlineData("SELECT 1 --\u00A0x; DROP TABLE t")]
    public void Two_dashes_before_a_non_ascii_space_are_code_as_on_the_server(string sql)
    {
        // The server tests the next byte for an ASCII space or control character; a no-break space is part of a name
        Assert.Equal([sql.IndexOf(';')], SqlSpans.InCode(sql, ';'));
    }

    [Fact]
    public void A_character_is_found_only_in_code()
    {
        const string sql = "SELECT ';' -- ;\n; /* ; */ `;`;";

        Assert.Equal([sql.IndexOf("\n;", StringComparison.Ordinal) + 1, sql.Length - 1], SqlSpans.InCode(sql, ';'));
    }
}
