using System.Globalization;
using MutationHarness.Databases.Quirks;
using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>Measures what a setup database holds right now, while its setup runs: rows as the server counts them, and
/// bytes, from InnoDB's file sizes where the account may read them (its table statistics lag behind a running insert).</summary>
internal sealed class SetupSizeProbe(string connectionString, ServerFlavor flavor)
{
    private const string Plain =
        "SELECT COALESCE(SUM(TABLE_ROWS), 0), COALESCE(SUM(DATA_LENGTH + INDEX_LENGTH), 0) FROM information_schema.TABLES WHERE TABLE_SCHEMA = @database";

    private static string WithTablespaces(string table) =>
        "SELECT (SELECT COALESCE(SUM(TABLE_ROWS), 0) FROM information_schema.TABLES WHERE TABLE_SCHEMA = @database), " +
        "(SELECT COALESCE(SUM(DATA_LENGTH + INDEX_LENGTH), 0) FROM information_schema.TABLES WHERE TABLE_SCHEMA = @database AND ENGINE <> 'InnoDB') + " +
        $"(SELECT COALESCE(SUM(FILE_SIZE), 0) FROM information_schema.{table} WHERE NAME LIKE CONCAT(@database, '/%'))";

    // Reading InnoDB's tablespaces needs PROCESS; without it, table statistics are all there is.
    private string _query = flavor switch
    {
        ServerFlavor.MariaDb => WithTablespaces("INNODB_SYS_TABLESPACES"),
        ServerFlavor.MySql => WithTablespaces("INNODB_TABLESPACES"),
        _ => Plain,
    };

    public async Task<(long Rows, long Bytes)> MeasureAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        if (flavor == ServerFlavor.MySql)
            await connection.RunAsync("SET SESSION information_schema_stats_expiry = 0", cancellationToken); // MySQL caches table statistics for a day
        var query = _query; // the watch and the final measure may meet here
        try
        {
            return await QueryAsync(connection, query, database, cancellationToken);
        }
        catch (MySqlException ex) when (ServerErrors.IsPrivilegeError((int) ex.ErrorCode) && query != Plain)
        {
            _query = Plain;
            return await QueryAsync(connection, Plain, database, cancellationToken);
        }
    }

    private static async Task<(long Rows, long Bytes)> QueryAsync(MySqlConnection connection, string sql, string database, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@database", database);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
    }
}
