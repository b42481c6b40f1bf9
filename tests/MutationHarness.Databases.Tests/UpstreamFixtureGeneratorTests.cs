using MutationHarness.Core.Fixtures;
using MutationHarness.TestSupport;
using MutationHarness.Tests;

namespace MutationHarness.Databases.Tests;

public sealed class UpstreamFixtureGeneratorTests(MariaDbServerFixture server)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string DefaultDirectory => RepositoryFiles.Path("fixtures", "default");

    [Fact]
    public void The_same_seed_gives_the_same_script_and_another_seed_another()
    {
        Assert.Equal(UpstreamFixtureGenerator.Generate(7).Statements, UpstreamFixtureGenerator.Generate(7).Statements);
        Assert.NotEqual(UpstreamFixtureGenerator.Generate(7).Statements, UpstreamFixtureGenerator.Generate(8).Statements);
    }

    [Fact]
    public void The_checked_in_default_fixture_is_the_generators_output()
    {
        var (schema, data) = UpstreamFixtureGenerator.Render(0);
        if (Environment.GetEnvironmentVariable("MUTATIONHARNESS_REGENERATE_FIXTURES") == "1")
        {
            Directory.CreateDirectory(DefaultDirectory);
            File.WriteAllText(Path.Combine(DefaultDirectory, "schema.sql"), schema);
            File.WriteAllText(Path.Combine(DefaultDirectory, "data.sql"), data);
        }
        // Regenerate with MUTATIONHARNESS_REGENERATE_FIXTURES=1 when the generator changes on purpose.
        Assert.Equal(schema, File.ReadAllText(Path.Combine(DefaultDirectory, "schema.sql")));
        Assert.Equal(data, File.ReadAllText(Path.Combine(DefaultDirectory, "data.sql")));
    }

    [Fact]
    public void The_shape_follows_upstream()
    {
        var (schema, _) = UpstreamFixtureGenerator.Render(0);
        Assert.Contains("CREATE TABLE `table_3_utf8_undef`", schema, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE `table_7_utf8_undef`", schema, StringComparison.Ordinal);
        Assert.Contains("`col_decimal(40, 20)_key_unsigned` decimal(40, 20) unsigned", schema, StringComparison.Ordinal);
        Assert.Contains("KEY (`col_varchar(20)_key_signed`)", schema, StringComparison.Ordinal);
        Assert.DoesNotContain("NULL", UpstreamFixtureGenerator.Render(0).Data, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task It_loads_with_its_row_counts_no_nulls_and_real_control_characters(int seed)
    {
        var target = server.Target;
        var db = await target.LoadFixtureAsync(UpstreamFixtureGenerator.Generate(seed), Token);

        var counts = await RowsAsync(db, "SELECT (SELECT COUNT(*) FROM table_3_utf8_undef), (SELECT COUNT(*) FROM table_7_utf8_undef)");
        Assert.Equal(["3", "7"], counts.Rows[0].Cells);

        var columns = await RowsAsync(db, $"SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = '{db.Name}' AND table_name = 'table_7_utf8_undef'");
        Assert.Equal("21", columns.Rows[0].Cells[0]);

        var all = await RowsAsync(db, "SELECT * FROM table_7_utf8_undef UNION ALL SELECT * FROM table_3_utf8_undef");
        Assert.All(all.Rows, row => Assert.DoesNotContain(null, row.Cells));

        var unsigned = await RowsAsync(db, "SELECT * FROM table_7_utf8_undef WHERE `col_double_undef_unsigned` < 0 OR `col_decimal(40, 20)_key_unsigned` < 0");
        Assert.Empty(unsigned.Rows);
    }

    [Fact]
    public async Task Control_characters_reach_the_server_as_real_characters()
    {
        var target = server.Target;
        var db = await target.LoadFixtureAsync(new FixtureScript("ctl", DataScriptSplitter.Split(
            "CREATE TABLE t (c varchar(20));\nINSERT INTO t VALUES ('3\\n'), ('\\t3');")), Token);
        var result = await RowsAsync(db, "SELECT c, LENGTH(c) FROM t ORDER BY c");
        Assert.Equal(["\t3", "2"], result.Rows[0].Cells);
        Assert.Equal(["3\n", "2"], result.Rows[1].Cells);
    }

    private async Task<MutationHarness.Core.Results.ResultSet> RowsAsync(MutationHarness.Databases.Targets.FixtureDatabase db, string sql)
    {
        var outcome = await server.Target.ExecuteAsync(db, sql, TimeSpan.FromSeconds(10), Token);
        return Assert.IsType<MutationHarness.Databases.Targets.RowsOutcome>(outcome).Result;
    }
}
