using FsCheck;
using FsCheck.Fluent;
using MutationHarness.Core.Fixtures;
using MutationHarness.Sql;
using MutationHarness.Sql.Lexing;
using MutationHarness.TestSupport;

namespace MutationHarness.Integration.Tests;

/// <summary>The real MariaDB is the oracle for the guard's reading of a text (issue 9): whatever the guard allows,
/// the server runs as one statement, and reads its strings and comments where the guard does.</summary>
public sealed class GuardServerAgreementTests(MariaDbServerFixture server) : IClassFixture<MariaDbServerFixture>
{
    [Fact]
    public void Whatever_the_guard_allows_the_server_runs_as_one_statement_read_as_the_guard_reads_it()
    {
        // Given random interleavings of comments, quotes, backticks, #, --, semicolons and SELECT fragments
        using var reader = new ServerReader(server.Target.ReaderConnectionString);
        var (allowed, refused) = (0, 0);

        // When each is guarded, and each allowed one is sent whole and also rebuilt from the guard's own tokens
        var property = Prop.ForAll(InterleavingTexts.Texts, text =>
        {
            if (!SqlGuard.Check(text).IsAllowed)
            {
                refused++;
                return;
            }
            allowed++;
            var sent = reader.Read(text);
            var rebuilt = reader.Read(FromTokens(text));

            // Then the server ran one statement, and the text means what its tokens alone mean (a string or
            // comment ending elsewhere on the server would change the rows or the error)
            Assert.True(sent.Statements == 1, $"the server ran {sent.Statements} statements");
            Assert.Equal(rebuilt.Outcome, sent.Outcome);
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(600), property);

        // (and the generator gave both kinds, so neither side of the property went untested)
        Assert.True(allowed > 100 && refused > 50, $"{allowed} allowed, {refused} refused");
    }

    public static TheoryData<string, string> Bypasses => new()
    {
        { "quote in a MySQL-only version comment", "SELECT pk /*!50700 ' */ FROM t; SELECT 'pwned'; SELECT pk -- ' */\nFROM t" },
        { "backtick in a MariaDB version comment", "SELECT pk /*M!999999 ` */ FROM t; SELECT 'pwned'; SELECT pk FROM t -- ` */" },
        { "double quote in a version comment", "SELECT pk /*!99999 \" */ FROM t; SELECT 'pwned'; SELECT pk FROM t -- \" */" },
        { "hash in a version comment", "SELECT pk /*!50700 # */ FROM t; SELECT 'pwned'; SELECT pk FROM t\n-- */" },
        { "dashes in a version comment", "SELECT pk /*!50700 -- */ FROM t; SELECT 'pwned'; SELECT pk FROM t\n-- */" },
        { "backslash in a version comment", "SELECT pk /*!50700 '\\' */ FROM t; SELECT 'pwned'; SELECT pk FROM t -- '*/" },
        { "ideographic space after --", "SELECT 1 --\u3000x FROM (SELECT 1 AS \u3000x) d; SELECT 'pwned'; -- \n" },
        { "no-break space after --", "SELECT 1 --\u00A0x FROM (SELECT 1 AS \u00A0x) d; SELECT 'pwned'; -- \n" },
    };

    [Theory]
    [MemberData(nameof(Bypasses))]
    public async Task Each_refused_bypass_really_runs_more_than_one_statement_on_the_server(string kind, string sql)
    {
        // Given a table t, and a bypass whose hidden statement is a harmless SELECT
        var database = await server.Target.LoadFixtureAsync(new FixtureScript("bypass", ["CREATE TABLE t (pk INT)", "INSERT INTO t VALUES (1)"]),
            TestContext.Current.CancellationToken);
        using var reader = new ServerReader(server.Target.ReaderConnectionString, database.Name);

        // When the server reads it whole, and the guard reads it
        var reading = reader.Read(sql);
        var guard = SqlGuard.Check(sql);

        // Then the server ran the hidden statement (so the attack was real), and the guard refused it
        Assert.True(reading.Statements > 1, $"{kind}: the server ran {reading.Statements} statement(s)");
        Assert.False(guard.IsAllowed, kind);
    }

    [Theory]
    [InlineData("SELECT `IS_FREE_LOCK`('mh-quoted-name')", "1")]
    [InlineData("SELECT `sleep`(0)", "0")]
    [InlineData("SELECT `Benchmark`(1, 1)", "0")]
    public void A_forbidden_function_called_by_its_quoted_name_is_refused_because_the_server_calls_it(string sql, string value)
    {
        // Given a forbidden function (side effects, locks, time) called by its quoted name
        using var reader = new ServerReader(server.Target.ReaderConnectionString);

        // When the server reads it, and the guard reads it
        var reading = reader.Read(sql);
        var guard = SqlGuard.Check(sql);

        // Then the server called the function (so quoting hides nothing), and the guard refused it
        Assert.True(reading.Error is null && reading.Rows.Contains(value + "|", StringComparison.Ordinal), reading.Outcome);
        Assert.False(guard.IsAllowed, sql);
        Assert.Contains("quoted", guard.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_name_of_a_harmless_function_is_allowed_and_called()
    {
        // Given a harmless native function called by its quoted name, the twin of the forbidden ones
        const string sql = "SELECT `CONCAT`('a', 'b')";
        using var reader = new ServerReader(server.Target.ReaderConnectionString);

        // When the server and the guard read it
        var reading = reader.Read(sql);

        // Then the server called it and the guard allows it
        Assert.Contains("ab", reading.Outcome, StringComparison.Ordinal);
        Assert.True(SqlGuard.Check(sql).IsAllowed);
    }

    // The text as the guard reads it: its tokens alone, one space apart, with every comment and spacing gone.
    private static string FromTokens(string text) =>
        string.Join(' ', Lexer.Tokenize(text).Where(t => t.Kind != TokenKind.End).Select(t => t.Text(text)));
}
