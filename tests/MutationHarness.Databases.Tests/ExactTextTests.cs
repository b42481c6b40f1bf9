using MutationHarness.TestSupport;

namespace MutationHarness.Databases.Tests;

public abstract class ExactTextTests(ITargetProvider provider) : TargetTests(provider)
{
    [Fact]
    public async Task Numbers_keep_the_servers_text()
    {
        // Given literals that a typed read would normalise
        var (target, db) = await LoadAsync();

        // When they are selected
        var result = await RowsAsync(target, db, "SELECT 0.0, 1004.000, CAST(1 AS DECIMAL(65,30)), 99999999999999999999999999999999999999999999999999999999999999999, 18446744073709551615, -9223372036854775808");

        // Then every cell is the server's text
        Assert.Equal(["0.0", "1004.000", "1.000000000000000000000000000000", "99999999999999999999999999999999999999999999999999999999999999999", "18446744073709551615", "-9223372036854775808"], Cells(result));
    }

    [Fact]
    public async Task Doubles_and_floats_round_trip_with_the_servers_exponent_style()
    {
        var (target, db) = await LoadAsync();
        var result = await RowsAsync(target, db, "SELECT 1e300, 1e20, 1e15, 1e14, 0.1e0 + 0.2e0, CAST(1.5 AS FLOAT), 2.5e0, -1e-7, 1e-16, 1.2345e-15, 5e-324, 2/3e0*1e20");
        Assert.Equal(["1e300", "1e20", "1e15", "100000000000000", "0.30000000000000004", "1.5", "2.5", "-0.0000001", "1e-16", "0.0000000000000012345", "5e-324", "6.666666666666666e19"], Cells(result));
    }

    [Fact]
    public async Task Negative_zero_in_a_double_column_is_kept_where_the_server_keeps_it()
    {
        var (target, db) = await LoadAsync("CREATE TABLE t (d DOUBLE, f FLOAT)", "INSERT INTO t VALUES (-0e0, -0e0), (0e0, 0e0)");
        var result = await RowsAsync(target, db, "SELECT d, f, -d FROM t ORDER BY 1 DESC");
        var expectNegative = Provider.Features.HasFlag(ServerFeatures.NegativeZeroDouble);
        // MariaDB stores -0 as 0 (MDEV-30258 is about DISTINCT; the column itself never keeps the sign).
        Assert.Equal(expectNegative ? "-0" : "0", Cells(result, expectNegative ? 1 : 0)[0]);
        Assert.All(result.Rows, row => Assert.NotNull(row.Cells[2]));
    }

    [Fact]
    public async Task Booleans_bits_and_bytes_are_numbers_and_hex()
    {
        var (target, db) = await LoadAsync("CREATE TABLE t (b TINYINT(1), bits BIT(3), bin BINARY(2), g CHAR(36))",
            "INSERT INTO t VALUES (1, b'101', x'00ff', '2da5a20d-e731-11f1-a4cc-02fc00000001'), (-1, 0, 'a', 'ab')");
        var result = await RowsAsync(target, db, "SELECT TRUE, x'00ff', b, bits, bin, g FROM t ORDER BY b DESC");
        Assert.Equal(["1", "0x00FF", "1", "5", "0x00FF", "2da5a20d-e731-11f1-a4cc-02fc00000001"], Cells(result, 0));
        Assert.Equal(["1", "0x00FF", "-1", "0", "0x6100", "ab"], Cells(result, 1));
    }

    [Fact]
    public async Task Dates_times_and_zero_dates_are_written_from_their_parts()
    {
        Require(ServerFeatures.ZeroDates);
        var (target, db) = await LoadAsync();
        // The pinned NO_ZERO_DATE turns zero dates into NULL; this statement lifts it to reach the driver trap.
        var result = await RowsAsync(target, db,
            "SET STATEMENT sql_mode='' FOR SELECT CAST('0000-00-00' AS DATETIME), CAST('0000-00-00' AS DATE), CAST('2020-01-02 03:04:05.12' AS DATETIME(3)), " +
            "CAST('-838:59:59.5' AS TIME(2)), CAST('10:00:00' AS TIME), DATE '2024-02-29', CAST(2024 AS CHAR)");
        Assert.Equal(["0000-00-00 00:00:00", "0000-00-00", "2020-01-02 03:04:05.120", "-838:59:59.50", "10:00:00", "2024-02-29", "2024"], Cells(result));
    }

    [Fact]
    public async Task A_value_wider_than_its_declared_type_keeps_the_servers_text()
    {
        // MDEV-30257's original: MariaDB declares the column INT yet sends -200412310000 (a typed read throws).
        var (target, db) = await LoadAsync("CREATE TABLE t (c1 DECIMAL(40,20))", "INSERT INTO t VALUES (-0.0001)");
        var result = await RowsAsync(target, db, "SELECT (LAST_DAY('2004-12-20 21:48:16') DIV c1) AS f1 FROM t");
        Assert.Single(result.Rows);
        Assert.Matches("^-?[0-9]+$", Cells(result)[0]);
    }

    [Fact]
    public void The_raw_row_reader_works_with_the_pinned_driver() =>
        Assert.True(MutationHarness.Databases.Execution.RawRowAccess.IsAvailable, "MySqlConnector's private row buffer moved; see RawRowAccess.");

    [Fact]
    public async Task Nulls_json_and_control_characters_survive()
    {
        var (target, db) = await LoadAsync();
        var result = await RowsAsync(target, db, "SELECT NULL, 'NULL', JSON_OBJECT('a', 1), '3\\n', '\\t3', ''");
        Assert.Equal([null, "NULL", "{\"a\": 1}", "3\n", "\t3", ""], Cells(result));
    }
}

public sealed class MariaDbExactTextTests(MariaDbServerFixture server) : ExactTextTests(server);

public sealed class MySqlExactTextTests(MySqlServerFixture server) : ExactTextTests(server), IClassFixture<MySqlServerFixture>;

public sealed class TiDbExactTextTests(TiDbServerFixture server) : ExactTextTests(server), IClassFixture<TiDbServerFixture>;
