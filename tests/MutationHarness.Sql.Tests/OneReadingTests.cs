namespace MutationHarness.Sql.Tests;

/// <summary>The guard reads comments and quotes as the server does (issue 9, "one reading of the text"): each
/// bypass below made the server run three statements where the guard saw one SELECT; each twin is the same
/// shape read alike by both, and stays allowed.</summary>
public sealed class OneReadingTests
{
    public static TheoryData<string, string> Bypasses => new()
    {
        { "quote in a MySQL-only version comment", "SELECT pk /*!50700 ' */ FROM t; DROP TABLE t; SELECT pk -- ' */\nFROM t" },
        { "backtick in a MariaDB version comment", "SELECT pk /*M!999999 ` */ FROM t; DROP TABLE t; SELECT pk FROM t -- ` */" },
        { "double quote in a version comment", "SELECT pk /*!99999 \" */ FROM t; DROP TABLE t; SELECT pk FROM t -- \" */" },
        { "hash in a version comment", "SELECT pk /*!50700 # */ FROM t; DROP TABLE t; SELECT pk FROM t\n-- */" },
        { "dashes in a version comment", "SELECT pk /*!50700 -- */ FROM t; DROP TABLE t; SELECT pk FROM t\n-- */" },
        { "backslash in a version comment", "SELECT pk /*!50700 '\\' */ FROM t; DROP TABLE t; SELECT pk FROM t -- '*/" },
        { "executable comment with no version", "SELECT pk /*! ; DROP TABLE t */ FROM t" },
        { "lower-case marker", "SELECT pk /*m!999999 ' */ FROM t; DROP TABLE t; SELECT pk -- ' */\nFROM t" },
        { "TiDB feature comment", "SELECT pk /*T![clustered_index] ' */ FROM t; DROP TABLE t; SELECT pk -- ' */\nFROM t" },
        { "optimizer hint", "SELECT /*+ SET_VAR(sql_select_limit = 1) */ pk FROM t" },
        { "ideographic space after --", "SELECT 1 --\u3000x FROM (SELECT 1 AS \u3000x) d; DROP TABLE t; -- \n" },
        { "no-break space after --", "SELECT 1 --\u00A0x FROM (SELECT 1 AS \u00A0x) d; DROP TABLE t; -- \n" },
        { "NUL inside a hash comment", "SELECT pk FROM t # \0\n" },
        { "a comment after the closing semicolon", "SELECT pk FROM t; -- an empty second statement" },
        { "two closing semicolons", "SELECT pk FROM t;;" },
    };

    [Theory]
    [MemberData(nameof(Bypasses))]
    public void A_text_the_server_could_read_otherwise_is_refused(string kind, string sql)
    {
        // Given a text the server reads by a rule of its own, When it is guarded
        var result = SqlGuard.Check(sql);

        // Then it is refused, and no parse of it is accepted either
        Assert.False(result.IsAllowed, kind);
        Assert.False(string.IsNullOrEmpty(result.Reason));
        Assert.Null(SqlParser.TryParse(sql, out _));
    }

    [Theory]
    [InlineData("SELECT pk /*!50700 ' */ FROM t", "executable comment")]
    [InlineData("SELECT pk /*M!100000 1 */ FROM t", "executable comment")]
    [InlineData("SELECT /*+ BKA(t) */ pk FROM t", "optimizer hint")]
    [InlineData("SELECT pk FROM t; SELECT 2", "More than one statement")]
    [InlineData("SELECT pk FROM t # \0", "NUL")]
    public void The_reason_names_what_was_refused(string sql, string named)
    {
        Assert.Contains(named, SqlGuard.Check(sql).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT 'a\\'; DROP TABLE t; SELECT ' AS x FROM t")]
    [InlineData("SELECT \"a\\\"; DROP TABLE t; SELECT \" AS x FROM t")]
    [InlineData("SELECT 'it''s; DROP TABLE t' AS x, `a``; DROP` FROM t")]
    [InlineData("SELECT pk --'; DROP TABLE t; SELECT '\nFROM t")]
    [InlineData("SELECT pk FROM t --")]
    [InlineData("SELECT pk FROM t --\t; DROP TABLE t")]
    [InlineData("SELECT pk FROM t --\u007F; DROP TABLE t")]
    [InlineData("SELECT pk FROM t # ; DROP TABLE t\r; DROP TABLE u")]
    [InlineData("SELECT pk /* /*! ; DROP TABLE t */ FROM t")]
    [InlineData("SELECT pk /* ! not executable, + not a hint */ FROM t")]
    [InlineData("SELECT '/*!50700 x */', \"/*+ y */\", `/*M! z */` FROM t")]
    [InlineData("SELECT pk FROM t;")]
    [InlineData("SELECT pk FROM t ;\n\t ")]
    public void The_same_shapes_read_alike_by_both_stay_allowed(string sql)
    {
        // Given a text whose quotes and comments the server reads exactly as written, When it is guarded
        var result = SqlGuard.Check(sql);

        // Then it is one statement and allowed
        Assert.True(result.IsAllowed, result.Reason);
    }

    [Theory]
    [InlineData("SELECT 1 --\u3000x FROM t", "\u3000x")]
    [InlineData("SELECT a\u00A0b FROM t", "a\u00A0b")]
    public void A_non_ascii_space_belongs_to_an_identifier_as_on_the_server(string sql, string identifier)
    {
        // Given a non-ASCII space (the server's whitespace is ASCII only), When the statement is parsed
        var normal = SqlText.Normalize(sql);

        // Then the space is part of a name, not a separator or the start of a comment
        Assert.Contains(identifier, normal, StringComparison.Ordinal);
    }
}
