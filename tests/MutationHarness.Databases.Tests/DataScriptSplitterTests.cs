using MutationHarness.Core.Fixtures;

namespace MutationHarness.Databases.Tests;

public sealed class DataScriptSplitterTests
{
    [Fact]
    public void Splits_on_semicolons_and_drops_empty_pieces() =>
        Assert.Equal(["CREATE TABLE t (a INT)", "INSERT INTO t VALUES (1)"], DataScriptSplitter.Split("CREATE TABLE t (a INT);\n\nINSERT INTO t VALUES (1);\n;  \n"));

    [Theory]
    [InlineData("INSERT INTO t VALUES ('a;b');SELECT 1", "INSERT INTO t VALUES ('a;b')")]
    [InlineData("INSERT INTO t VALUES (\"a;b\");SELECT 1", "INSERT INTO t VALUES (\"a;b\")")]
    [InlineData("CREATE TABLE `we;ird` (a INT);SELECT 1", "CREATE TABLE `we;ird` (a INT)")]
    [InlineData("INSERT INTO t VALUES ('it\\'s;');SELECT 1", "INSERT INTO t VALUES ('it\\'s;')")]
    [InlineData("INSERT INTO t VALUES ('it''s;');SELECT 1", "INSERT INTO t VALUES ('it''s;')")]
    [InlineData("INSERT INTO t VALUES ('\\\\');SELECT 1", "INSERT INTO t VALUES ('\\\\')")]
    [InlineData("CREATE TABLE `a``;b` (a INT);SELECT 1", "CREATE TABLE `a``;b` (a INT)")]
    public void Semicolons_inside_quotes_and_backticks_do_not_split(string script, string first)
    {
        var statements = DataScriptSplitter.Split(script);
        Assert.Equal([first, "SELECT 1"], statements);
    }

    [Fact]
    public void Comments_hide_semicolons_and_comment_only_pieces_vanish()
    {
        var script = "-- a comment; with a semicolon\nSELECT 1 /* inline; */ + 1;\n/* only a comment */;\nSELECT 2 # trailing;\n;";
        var statements = DataScriptSplitter.Split(script);
        Assert.Equal(["-- a comment; with a semicolon\nSELECT 1 /* inline; */ + 1", "SELECT 2 # trailing;"], statements);
    }

    [Fact]
    public void Executable_comments_are_code()
    {
        Assert.Equal(["/*!40101 SET NAMES utf8mb4 */", "SELECT 1"], DataScriptSplitter.Split("/*!40101 SET NAMES utf8mb4 */;SELECT 1"));
    }

    [Fact]
    public void Raw_newlines_and_escapes_stay_inside_strings()
    {
        var script = "INSERT INTO t VALUES ('\\n3'), ('3\n;x'), ('\t3');\nINSERT INTO t VALUES ('a')";
        var statements = DataScriptSplitter.Split(script);
        Assert.Equal(2, statements.Count);
        Assert.Contains("'3\n;x'", statements[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Double_dash_without_a_space_is_an_operator()
    {
        Assert.Equal(["SELECT 1--1", "SELECT 2"], DataScriptSplitter.Split("SELECT 1--1;SELECT 2"));
    }

    [Fact]
    public void An_upstream_data_script_becomes_a_fixture()
    {
        var text = "CREATE TABLE `t` (`c` varchar(20));\nINSERT INTO `t` VALUES ('\\n3'),('3\t');\n";
        var fixture = FixtureScripts.FromDataScript("output.data", text);
        Assert.Equal("output.data", fixture.Name);
        Assert.Equal(2, fixture.Statements.Count);
    }
}
