using System.Text;
using MutationHarness.Core.Results;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>The server's collations by protocol id, read once, and the harness-internal statement that lets the server
/// say which texts a collation calls equal.</summary>
internal sealed class CollationCatalog(string connectionString)
{
    /// <summary>Values beyond this many, or this many bytes, are not sent: the violation then stands as exact text.</summary>
    public const int MaxValues = 10_000;

    public const int MaxBytes = 1 << 20;

    private readonly SemaphoreSlim _once = new(1, 1);
    private Dictionary<int, (string Collation, string CharacterSet)>? _byId;

    public async Task<(string Collation, string CharacterSet)?> FindAsync(int id, CancellationToken cancellationToken)
    {
        if (_byId is null)
        {
            await _once.WaitAsync(cancellationToken);
            try
            {
                _byId ??= await LoadAsync(cancellationToken);
            }
            finally
            {
                _once.Release();
            }
        }
        return _byId.TryGetValue(id, out var found) ? found : null;
    }

    private async Task<Dictionary<int, (string, string)>> LoadAsync(CancellationToken cancellationToken)
    {
        var byId = new Dictionary<int, (string, string)>();
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // MariaDB 10.10+ lists a collation's full name per character set there (uca1400 ids included); MySQL
        // and older MariaDB have every id in COLLATIONS.
        foreach (var sql in new[]
        {
            "SELECT ID, FULL_COLLATION_NAME, CHARACTER_SET_NAME FROM information_schema.COLLATION_CHARACTER_SET_APPLICABILITY WHERE ID IS NOT NULL",
            "SELECT ID, COLLATION_NAME, CHARACTER_SET_NAME FROM information_schema.COLLATIONS WHERE ID IS NOT NULL",
        })
        {
            try
            {
                await using var command = new MySqlCommand(sql, connection);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                    byId.TryAdd(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), (reader.GetString(1), reader.GetString(2)));
            }
            catch (MySqlException)
            {
                // The first table is MariaDB's alone.
            }
        }
        return byId;
    }

    /// <summary>One statement that ranks the values under the collation: equal values share a rank. Values travel as
    /// hex literals and names are checked to be plain identifiers, so nothing in a cell can become SQL.</summary>
    public static string? ClassesStatement(ResultColumn column, IReadOnlyList<string> values)
    {
        if (values.Count is 0 or > MaxValues || column.Collation is null || column.CharacterSet is null)
            return null;
        var collation = SessionPinning.Identifier(column.Collation);
        var characterSet = SessionPinning.Identifier(column.CharacterSet);
        var sql = new StringBuilder("SELECT i, DENSE_RANK() OVER (ORDER BY v) FROM (");
        for (var i = 0; i < values.Count; i++)
        {
            sql.Append(i == 0 ? "SELECT 0 AS i, " : " UNION ALL SELECT ").Append(i == 0 ? "" : i + ", ")
                .Append("CONVERT(_utf8mb4 X'").Append(Convert.ToHexString(Encoding.UTF8.GetBytes(values[i])))
                .Append("' USING ").Append(characterSet).Append(") COLLATE ").Append(collation).Append(i == 0 ? " AS v" : "");
            if (sql.Length > MaxBytes)
                return null;
        }
        return sql.Append(") AS t").ToString();
    }
}
