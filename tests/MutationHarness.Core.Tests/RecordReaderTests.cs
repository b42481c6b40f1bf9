using MutationHarness.Core.Pairs;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using MutationHarness.Tests;

namespace MutationHarness.Core.Tests;

public sealed class RecordReaderTests
{
    private static async Task<List<InputRecord>> ReadAsync(params string[] files)
    {
        var records = new List<InputRecord>();
        await foreach (var record in new RecordReader(StrategyCatalog.Default).ReadAsync(files, TextReader.Null, TestContext.Current.CancellationToken))
            records.Add(record);
        return records;
    }

    private static string Write(string name, string text)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("records").FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Every_format_is_recognised_line_by_line_in_one_file()
    {
        // Given a file mixing a plain pair, a merged record, a chat example, and bad lines
        var system = StrategyCatalog.Default.Find("FixMWhere1U")!.Instructions.Mutate;
        var path = Write("mixed.jsonl", string.Join('\n',
            """{"id":"p1","strategy":"FixMDistinctL","original":"SELECT a FROM t","mutated":"SELECT DISTINCT a FROM t","dbms":"mariadb","isUpper":false,"setup":["create table t (a int)"],"extra":1}""",
            """{"bugId":7,"sqlId":3,"mutationName":"FixMHaving1U","isUpper":true,"originalSql":"SELECT 1 FROM t HAVING 0 LIMIT 2147483647","mutatedSql":"SELECT 1 FROM t HAVING 1 LIMIT 2147483647","originalSqlsim":"SELECT 1 FROM t HAVING 0","mutatedSqlsim":"SELECT 1 FROM t HAVING 1","originalSqlsim_modified":"SELECT 2 FROM t HAVING 0","mutatedSqlsim_modified":"SELECT 2 FROM t HAVING 1"}""",
            "",
            $$"""{"messages":[{"role":"system","content":"You are an expert in TiDB statement mutation. {{system.Replace("\"", "\\\"", StringComparison.Ordinal)}}"},{"role":"user","content":"SELECT a FROM t WHERE a > 1"},{"role":"assistant","content":"SELECT a FROM t WHERE 1"}]}""",
            "{not json",
            """{"strategy":"FixMWhere1U","original":"SELECT 1"}""",
            """[1,2]"""));

        // When it is read
        var records = await ReadAsync(path);

        // Then nothing is dropped, bad lines become unreadable records naming their line
        Assert.Equal(6, records.Count);
        var plain = records[0].Pair!;
        Assert.Equal(("p1", "FixMDistinctL", "mariadb", false), (plain.Id, plain.Strategy, plain.Dbms, plain.RecordedIsUpper));
        Assert.Equal(["create table t (a int)"], plain.Setup);

        var merged = records[1].Pair!;
        Assert.Equal("bug-7-3-FixMHaving1U", merged.Id);
        Assert.Equal(("SELECT 2 FROM t HAVING 0", "SELECT 2 FROM t HAVING 1"), (merged.Original, merged.Mutated));

        var chat = records[2].Pair!;
        Assert.Equal(("FixMWhere1U", "tidb", "SELECT a FROM t WHERE a > 1"), (chat.Strategy, chat.Dbms, chat.Original));
        Assert.Equal(new SourceLocation(path, 4), chat.Source);

        Assert.Null(records[3].Pair);
        Assert.Contains("line 5 is not valid JSON", records[3].Problem, StringComparison.Ordinal);
        Assert.Equal("mixed.jsonl:5", records[3].Id);
        Assert.Equal("the record has no mutated query", records[4].Problem);
        Assert.Contains("JSON object", records[5].Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_setup_with_an_entry_that_is_not_a_statement_is_rejected_not_run_without_it()
    {
        // Given records whose setup holds something other than statements, and their twins whose setup is plain text
        const string pair = "\"strategy\":\"FixMWhere1U\",\"original\":\"SELECT c FROM t WHERE c > 1\",\"mutated\":\"SELECT c FROM t WHERE 1\"";
        var path = Write("setups.jsonl", string.Join('\n',
            $$"""{"id":"object",{{pair}},"setup":["CREATE TABLE t (c INT)",{"sql":"INSERT INTO t VALUES (1), (2)"}]}""",
            $$"""{"id":"number",{{pair}},"setup":7}""",
            $$"""{"id":"upstream","mutationName":"FixMWhere1U","originalSql":"SELECT 1","mutatedSql":"SELECT 2","setup":["CREATE TABLE t (c INT)",null]}""",
            $$"""{"id":"list",{{pair}},"setup":["CREATE TABLE t (c INT)","INSERT INTO t VALUES (1), (2)"]}""",
            $$"""{"id":"text",{{pair}},"setup":"CREATE TABLE t (c INT)"}""",
            $$"""{"id":"none",{{pair}},"setup":null}"""));

        // When they are read
        var records = await ReadAsync(path);

        // Then a setup that would lose statements makes its record unreadable, naming the entry; plain text reads as before
        Assert.Equal("'setup' entry 2 is an object, not a statement: give each statement as a string", records[0].Problem);
        Assert.Equal("'setup' is a number: give a statement or a list of statements, as strings", records[1].Problem);
        Assert.Equal("'setup' entry 2 is null, not a statement: give each statement as a string", records[2].Problem);
        Assert.Equal(["CREATE TABLE t (c INT)", "INSERT INTO t VALUES (1), (2)"], records[3].Pair!.Setup);
        Assert.Equal(["CREATE TABLE t (c INT)"], records[4].Pair!.Setup);
        Assert.Empty(records[5].Pair!.Setup);
    }

    [Fact]
    public async Task A_field_of_the_wrong_kind_is_rejected_not_read_as_absent()
    {
        // Given records whose direction, query or strategy is of the wrong kind, and their twins written plainly
        const string sql = "\"original\":\"SELECT c FROM t WHERE c > 1\",\"mutated\":\"SELECT c FROM t WHERE 1\"";
        var path = Write("kinds.jsonl", string.Join('\n',
            $$"""{"id":"yes","strategy":"FixMWhere1U",{{sql}},"isUpper":"yes"}""",
            $$"""{"id":"one","strategy":"FixMWhere1U",{{sql}},"isUpper":1}""",
            $$"""{"id":"listed","strategy":["FixMWhere1U"],{{sql}}}""",
            $$"""{"id":"upstream","mutationName":"FixMWhere1U","originalSql":{"sql":"SELECT 1"},"mutatedSql":"SELECT 2"}""",
            $$"""{"id":"bool","strategy":"FixMWhere1U",{{sql}},"isUpper":true}""",
            $$"""{"id":"word","strategy":"FixMWhere1U",{{sql}},"isUpper":"false"}""",
            $$"""{"id":"null","strategy":"FixMWhere1U",{{sql}},"isUpper":null}""",
            $$"""{"id":42,"strategy":"FixMWhere1U",{{sql}}}"""));

        // When they are read
        var records = await ReadAsync(path);

        // Then a field that would be read as absent makes its record unreadable, naming it; plain forms read as before
        Assert.Equal("'isUpper' is \"yes\": give true or false", records[0].Problem);
        Assert.Equal("'isUpper' is a number: give true or false", records[1].Problem);
        Assert.Equal("'strategy' is a list: give it as a string", records[2].Problem);
        Assert.Equal("'originalSql' is an object: give it as a string", records[3].Problem);
        Assert.True(records[4].Pair!.RecordedIsUpper);
        Assert.False(records[5].Pair!.RecordedIsUpper);
        Assert.Null(records[6].Pair!.RecordedIsUpper);
        Assert.Equal("42", records[7].Id);
        Assert.All(records.Skip(4), r => Assert.Null(r.Problem));
    }

    [Fact]
    public async Task An_upstream_finding_file_is_one_pretty_printed_object()
    {
        var path = Write("bug-12-4-FixMCmpOpU.json", """
            {
              "reportTime": "2022-11-01 10:00:00",
              "bugId": 12,
              "sqlId": 4,
              "mutationName": "FixMCmpOpU",
              "isUpper": true,
              "originalSql": "SELECT 1 FROM t WHERE a > 0",
              "mutatedSql": "SELECT 1 FROM t WHERE a >= 0"
            }
            """);
        var record = Assert.Single(await ReadAsync(path));
        Assert.Equal("bug-12-4-FixMCmpOpU", record.Id);
        Assert.Equal(("FixMCmpOpU", true), (record.Pair!.Strategy, record.Pair.RecordedIsUpper));
    }

    [Fact]
    public async Task Folders_and_globs_expand_to_record_files_in_order()
    {
        var folder = Directory.CreateTempSubdirectory("inputs").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.WriteAllText(Path.Combine(folder, "b.jsonl"), """{"strategy":"FixMWhere1U","original":"SELECT 1","mutated":"SELECT 2"}""");
        File.WriteAllText(Path.Combine(folder, "sub", "a.jsonl"), """{"strategy":"FixMWhere1U","original":"SELECT 1","mutated":"SELECT 2"}""");
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a record");

        Assert.Equal(2, InputSources.Expand([folder]).Count);
        Assert.Equal([Path.Combine(folder, "b.jsonl")], InputSources.Expand([folder + "/*.jsonl"]));
        Assert.Equal(2, InputSources.Expand([folder + "/**/*.jsonl"]).Count);
        Assert.Throws<InputException>(() => InputSources.Expand([folder + "/missing.jsonl"]));
        Assert.Throws<InputException>(() => InputSources.Expand([folder + "/*.csv"]));
    }

    [Fact]
    public async Task The_real_bug_report_corpus_reads_as_41_pairs_with_setup()
    {
        var records = await ReadAsync(RepositoryFiles.BugReports);

        Assert.Equal(41, records.Count);
        Assert.All(records, r => Assert.NotNull(r.Pair));
        Assert.All(records, r => Assert.NotEmpty(r.Pair!.Setup));
        Assert.Equal("mysql-01", records[0].Id);
        Assert.Single(records, r => r.Pair!.Strategy is null);
    }
}
