namespace MutationHarness.Sql.Tests;

public sealed class NameResolverTests
{
    // Seed 000's sc_org, and an orders table to join it with.
    private static readonly SchemaCatalog Schema = new(
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["sc_org"] = ["innerid", "parent_id", "level", "no", "name"],
            ["orders"] = ["id", "org_id", "amount"],
        },
        ["org_depth"]);

    private static List<string> Unknown(string sql) => NameResolver.Resolve(sql, Schema).Select(u => u.ToString()).ToList();

    [Fact]
    public void Every_invented_name_is_listed_with_its_position_not_only_the_first()
    {
        // Given the three inventions the model of seed 000 makes: two columns and a table
        var unknown = Unknown("SELECT abbr, class_code FROM sc_org JOIN sc_orgtype ON sc_org.class_code = sc_orgtype.code");

        // Then each is named where it stands; the missing table's own columns are not blamed again
        Assert.Equal(["column 'abbr' at 1:8", "column 'class_code' at 1:14", "table 'sc_orgtype' at 1:42", "column 'sc_org.class_code' at 1:56"], unknown);
    }

    [Fact]
    public void The_same_query_over_real_names_resolves_fully()
    {
        Assert.Empty(Unknown("SELECT o.name, x.amount FROM sc_org AS o JOIN orders x ON x.org_id = o.innerid WHERE o.level > 1 ORDER BY o.`no`"));
    }

    [Theory]
    [InlineData("SELECT total FROM (SELECT org_id, SUM(amount) AS total FROM orders GROUP BY org_id) AS t WHERE t.org_id > 0")]
    [InlineData("SELECT c FROM (SELECT org_id FROM orders) AS t (c)")]
    [InlineData("WITH big AS (SELECT org_id, amount FROM orders WHERE amount > 10) SELECT big.org_id FROM big")]
    [InlineData("WITH big (o, a) AS (SELECT org_id, amount FROM orders) SELECT o, a FROM big")]
    [InlineData("WITH RECURSIVE up AS (SELECT innerid, parent_id FROM sc_org UNION ALL SELECT s.innerid, s.parent_id FROM sc_org s JOIN up ON s.innerid = up.parent_id) SELECT innerid FROM up")]
    [InlineData("SELECT name FROM sc_org s WHERE EXISTS (SELECT 1 FROM orders o WHERE o.org_id = s.innerid)")]
    [InlineData("SELECT level AS depth, COUNT(*) AS n FROM sc_org GROUP BY depth HAVING n > 1 ORDER BY depth")]
    [InlineData("SELECT * FROM sc_org, orders")]
    [InlineData("SELECT sc_org.* FROM sc_org")]
    [InlineData("SELECT innerid FROM sc_org UNION SELECT org_id FROM orders ORDER BY innerid")]
    [InlineData("SELECT org_depth(level), EXTRACT(YEAR FROM CURRENT_DATE), TIMESTAMPDIFF(DAY, NOW(), NOW()), CHAR(65 USING utf8mb4) FROM sc_org")]
    [InlineData("SELECT id FROM orders JOIN sc_org USING (innerid) WHERE @x IS NULL")]
    [InlineData("SELECT 1 FROM DUAL")]
    [InlineData("SELECT x FROM other_db.t")]
    [InlineData("SELECT t.amount FROM orders t WHERE t.id IN (SELECT MAX(id) FROM orders WHERE org_id = t.org_id)")]
    public void Aliases_ctes_derived_tables_outer_references_and_builtins_resolve(string sql) => Assert.Empty(Unknown(sql));

    [Theory]
    [InlineData("SELECT depth FROM sc_org", "column 'depth' at 1:8")]
    [InlineData("SELECT o.depth FROM sc_org o", "column 'o.depth' at 1:8")]
    [InlineData("SELECT x.name FROM sc_org o", "column 'x.name' at 1:8")]
    [InlineData("SELECT name FROM sc_org WHERE org_level(level) > 1", "function 'org_level' at 1:31")]
    [InlineData("SELECT total FROM (SELECT SUM(amount) AS s FROM orders) t", "column 'total' at 1:8")]
    [InlineData("WITH big AS (SELECT org_id FROM orders) SELECT amount FROM big", "column 'amount' at 1:48")]
    [InlineData("SELECT name AS n FROM sc_org WHERE n = 'a'", "column 'n' at 1:36")]
    public void An_unknown_name_is_found_where_scoping_hides_it(string sql, string expected) =>
        Assert.Equal([expected], Unknown(sql));

    [Theory]
    [InlineData("SELECT id FROM orders\nWHERE org_id IN (SELECT innerid FROM sc_orgs)", "table 'sc_orgs' at 2:38")]
    [InlineData("SELECT Name FROM SC_ORG WHERE level > 1", "table 'SC_ORG' at 1:18")]
    public void The_columns_of_a_missing_table_alone_are_not_blamed_again(string sql, string table) =>
        Assert.Equal([table], Unknown(sql));
}

public sealed class CreateTableGuardTests
{
    [Theory]
    [InlineData("CREATE TABLE t (a INT NOT NULL COMMENT '主键', b VARCHAR(50), PRIMARY KEY (a)) COMMENT 'x'")]
    [InlineData("create table if not exists `t` (a int) engine=InnoDB default charset=utf8mb4")]
    [InlineData("CREATE OR REPLACE TABLE t (a INT, CHECK (a > 0));")]
    public void A_self_contained_create_table_is_allowed(string ddl) => Assert.True(CreateTableGuard.Check(ddl).IsAllowed, CreateTableGuard.Check(ddl).Reason);

    [Theory]
    [InlineData("DROP TABLE t", "Only CREATE TABLE")]
    [InlineData("CREATE TABLE t (a INT); DROP TABLE u", "")]
    [InlineData("CREATE TABLE other.t (a INT)", "qualified")]
    [InlineData("CREATE TEMPORARY TABLE t (a INT)", "TEMPORARY")]
    [InlineData("CREATE TABLE t LIKE sc_org", "LIKE")]
    [InlineData("CREATE TABLE t AS SELECT * FROM sc_org", "AS SELECT")]
    [InlineData("CREATE TABLE t (a INT, FOREIGN KEY (a) REFERENCES sc_org (innerid))", "REFERENCES")]
    [InlineData("CREATE TABLE t (a INT) ENGINE=CONNECT TABLE_TYPE=MYSQL CONNECTION='mysql://x'", "CONNECT")]
    [InlineData("CREATE TABLE t (a INT) DATA DIRECTORY='/tmp'", "DIRECTORY")]
    [InlineData("CREATE TABLE t (a INT) ENGINE=MRG_MyISAM UNION=(sc_org)", "MRG_MyISAM")]
    [InlineData("CREATE TABLE t (a INT DEFAULT @x)", "variable")]
    [InlineData("CREATE /*!50000 TEMPORARY */ TABLE t (a INT)", "")]
    [InlineData("CREATE VIEW v AS SELECT 1", "Only CREATE TABLE")]
    public void Anything_else_is_refused_with_its_reason(string ddl, string reason)
    {
        var guard = CreateTableGuard.Check(ddl);

        Assert.False(guard.IsAllowed);
        Assert.Contains(reason, guard.Reason, StringComparison.Ordinal);
    }
}
