namespace MutationHarness.Sql.Tests;

public sealed class GuardTests
{
    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("SELECT 1;")]
    [InlineData("  SELECT 1 ; \n")]
    [InlineData("WITH c AS (SELECT 1 AS x) SELECT x FROM c")]
    [InlineData("(SELECT 1) UNION (SELECT 2)")]
    [InlineData("SELECT ';' AS a, \"; DROP TABLE t\" AS b /* ; */ # ;\n")]
    [InlineData("SELECT CAST(a AS CHAR CHARACTER SET utf8mb4), REPLACE(a, 'x', 'y'), INSERT(a, 1, 1, 'z') FROM t")]
    [InlineData("SELECT JSON_EXTRACT('{}', '$.a') FROM t WHERE @a = 1")]
    [InlineData("SELECT FROM WHERE ((")]
    [InlineData("SELECT `CONCAT`('a', 'b'), `SLEEP` FROM t")]
    public void A_single_read_only_select_is_allowed(string sql)
    {
        var result = SqlGuard.Check(sql);

        Assert.True(result.IsAllowed, result.Reason);
    }

    [Theory]
    [InlineData("SELECT 1; DROP TABLE t")]
    [InlineData("SELECT 1; SELECT 2")]
    [InlineData("/*!50000 DROP*/ TABLE t")]
    [InlineData("SELECT 1 /*! ; DROP TABLE t */")]
    [InlineData("SELECT * FROM t INTO OUTFILE '/tmp/x'")]
    [InlineData("SELECT * FROM t INTO DUMPFILE '/tmp/x'")]
    [InlineData("SELECT a INTO @x FROM t")]
    [InlineData("SELECT a FROM t FOR UPDATE")]
    [InlineData("SELECT a FROM t FOR SHARE")]
    [InlineData("SELECT a FROM t LOCK IN SHARE MODE")]
    [InlineData("select load_file('/etc/passwd')")]
    [InlineData("SELECT SLEEP(100)")]
    [InlineData("SELECT BENCHMARK(1000000, MD5('a'))")]
    [InlineData("SELECT GET_LOCK('x', 10)")]
    [InlineData("SELECT `GET_LOCK`('x', 10)")]
    [InlineData("SELECT t.`release_all_locks`()")]
    [InlineData("(SELECT 1) UNION (SELECT 2 INTO @x)")]
    [InlineData("SET @a=1")]
    [InlineData("SELECT @a:=1")]
    [InlineData("INSERT INTO t VALUES (1)")]
    [InlineData("WITH c AS (SELECT 1) DELETE FROM t")]
    [InlineData("CALL p()")]
    [InlineData("DO SLEEP(1)")]
    [InlineData("HANDLER t OPEN")]
    [InlineData("LOAD DATA INFILE 'x' INTO TABLE t")]
    [InlineData("SELECT NEXTVAL(s)")]
    [InlineData("SELECT NEXT VALUE FOR s")]
    [InlineData("SELECT 'unterminated")]
    [InlineData("")]
    [InlineData("-- only a comment")]
    public void A_hostile_or_non_select_statement_is_rejected(string sql)
    {
        var result = SqlGuard.Check(sql);

        Assert.False(result.IsAllowed);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Theory]
    [InlineData("SELECT RAND() FROM t", "RAND")]
    [InlineData("SELECT NOW(), CURRENT_TIMESTAMP FROM t", "NOW")]
    [InlineData("SELECT CURRENT_TIMESTAMP FROM t", "CURRENT_TIMESTAMP")]
    [InlineData("SELECT UNIX_TIMESTAMP() FROM t", "UNIX_TIMESTAMP")]
    [InlineData("SELECT UUID_SHORT() FROM t", "UUID_SHORT")]
    [InlineData("SELECT pk, @@timestamp FROM t", "@@timestamp")]
    [InlineData("SELECT pk, @@session.warning_count FROM t", "@@warning_count")]
    [InlineData("SELECT a FROM t LIMIT 1", NonDeterminism.LimitWithoutOrderBy)]
    [InlineData("SELECT a FROM (SELECT a FROM t ORDER BY a) AS d LIMIT 1", NonDeterminism.LimitWithoutOrderBy)]
    [InlineData("SELECT a FROM t FETCH FIRST 2 ROWS ONLY", NonDeterminism.FetchWithoutOrderBy)]
    [InlineData("SELECT a FROM (SELECT a FROM t ORDER BY a) AS d OFFSET 1 ROWS", NonDeterminism.OffsetWithoutOrderBy)]
    public void Non_deterministic_constructs_are_flagged(string sql, string flag)
    {
        Assert.Contains(flag, NonDeterminism.Find(sql));
    }

    [Theory]
    [InlineData("SELECT a FROM t ORDER BY a LIMIT 1")]
    [InlineData("SELECT UNIX_TIMESTAMP('2011-12-22 14:22:02') FROM t")]
    [InlineData("SELECT 'RAND()' FROM t")]
    [InlineData("SELECT a FROM t WHERE a IN (SELECT b FROM u) ORDER BY a LIMIT 2")]
    [InlineData("SELECT @@sql_mode, @@version FROM t")]
    [InlineData("SELECT a FROM t ORDER BY a OFFSET 1 ROWS FETCH NEXT 2 ROWS ONLY")]
    public void Deterministic_statements_have_no_flags(string sql)
    {
        Assert.Empty(NonDeterminism.Find(sql));
    }

    [Fact]
    public void The_OFFSET_of_a_LIMIT_is_flagged_once_with_its_LIMIT()
    {
        Assert.Equal([NonDeterminism.LimitWithoutOrderBy], NonDeterminism.Find("SELECT a FROM t LIMIT 1 OFFSET 2"));
    }
}
