using System.Text;
using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Integration.Tests;

/// <summary>What the server made of a text sent whole, as the harness sends it (one COM_QUERY, multi-statements
/// on, the pinned <c>sql_mode</c>): how many statements it ran, its rows, or its error number.</summary>
internal sealed record ServerReading(int Statements, int? Error, string Rows)
{
    /// <summary>The rows or the error, without the statement count: what must not change when only comments and
    /// spacing change.</summary>
    public string Outcome => Error is { } number ? $"error {number}" : Rows;
}

/// <summary>One raw connection of the read-only account, for reading texts the way the server does.</summary>
internal sealed class ServerReader : IDisposable
{
    private readonly MySqlConnection _connection;

    public ServerReader(string connectionString, string? database = null)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString) { Database = database ?? "" };
        _connection = new MySqlConnection(builder.ConnectionString);
        _connection.Open();
        using var pin = new MySqlCommand($"SET SESSION sql_mode = '{SessionSettings.Default.SqlMode}'", _connection);
        pin.ExecuteNonQuery();
    }

    public ServerReading Read(string sql)
    {
        var statements = 0;
        var rows = new StringBuilder();
        try
        {
            using var command = new MySqlCommand(sql, _connection);
            using var reader = command.ExecuteReader();
            do
            {
                statements++;
                rows.Append('[').Append(reader.FieldCount).Append(']');
                while (reader.Read())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                        rows.Append(Cell(reader, i)).Append('|');
                    rows.Append(';');
                }
            }
            while (reader.NextResult());
            return new ServerReading(statements, null, rows.ToString());
        }
        catch (MySqlException e)
        {
            // An error after a result means the server went on to a further statement.
            return new ServerReading(statements + 1, e.Number, "");
        }
    }

    private static string? Cell(MySqlDataReader reader, int i) => reader.IsDBNull(i) ? "NULL" : reader.GetValue(i) switch
    {
        byte[] bytes => Convert.ToHexString(bytes),
        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    public void Dispose() => _connection.Dispose();
}
