namespace MutationHarness.Sql.Tests;

/// <summary>Issue 10 item 7: reads of live server state are flagged (and the databases information_schema lists are
/// live: other records' setups come and go); reads of the server's static catalogs are not.</summary>
public sealed class LiveServerStateTests
{
    [Theory]
    [InlineData("SELECT ID FROM information_schema.PROCESSLIST WHERE ID > 0", "live server state (information_schema.PROCESSLIST)")]
    [InlineData("SELECT 1 FROM `INFORMATION_SCHEMA`.`processlist` p", "live server state (information_schema.processlist)")]
    [InlineData("SELECT VARIABLE_VALUE FROM information_schema . SESSION_STATUS WHERE VARIABLE_NAME = 'Questions'", "live server state (information_schema.SESSION_STATUS)")]
    [InlineData("SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()", "live server state (information_schema.TABLES)")]
    [InlineData("SELECT * FROM information_schema.INNODB_BUFFER_PAGE", "live server state (information_schema.INNODB_BUFFER_PAGE)")]
    [InlineData("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1", "live server state (information_schema.COLUMNS)")]
    [InlineData("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA", "live server state (information_schema.SCHEMATA)")]
    [InlineData("SELECT a FROM t WHERE a IN (SELECT THREAD_ID FROM performance_schema.threads)", "live server state (performance_schema.threads)")]
    [InlineData("SELECT * FROM sys.session", "live server state (sys.session)")]
    [InlineData("SELECT sys.ps_thread_id(NULL) FROM t", "live server state (sys.ps_thread_id)")]
    [InlineData("SELECT @@pseudo_thread_id FROM t", "@@pseudo_thread_id")]
    [InlineData("SELECT @@session.gtid_current_pos, @@last_gtid FROM t", "@@gtid_current_pos")]
    [InlineData("SELECT BINLOG_GTID_POS('log', 4) FROM t", "BINLOG_GTID_POS")]
    public void A_read_of_live_server_state_is_flagged(string sql, string flag)
    {
        // Given a statement reading what the server changes under it, When its flags are found
        var flags = NonDeterminism.Find(sql);

        // Then the read is named
        Assert.Contains(flag, flags);
    }

    [Theory]
    [InlineData("SELECT COLLATION_NAME FROM information_schema.COLLATIONS WHERE IS_DEFAULT = 'Yes'")]
    [InlineData("SELECT CHARACTER_SET_NAME FROM information_schema.CHARACTER_SETS, information_schema.ENGINES")]
    [InlineData("SELECT sys.pk FROM t AS sys")]
    [InlineData("SELECT t.processlist FROM t")]
    [InlineData("SELECT 'information_schema.PROCESSLIST', `performance_schema` FROM t")]
    [InlineData("SELECT @@version, @@sql_mode, @@session.time_zone FROM t")]
    public void Static_metadata_and_look_alikes_are_not_flagged(string sql)
    {
        // Given the schema's own description, or names that only look like live state, When flags are found
        var flags = NonDeterminism.Find(sql);

        // Then there are none
        Assert.Empty(flags);
    }
}
