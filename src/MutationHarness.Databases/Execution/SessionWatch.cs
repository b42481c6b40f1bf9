using System.Globalization;
using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>The session variables that decide what a SELECT returns, read once after pinning and again after every
/// statement: a statement that changed one (a stored function can) gets no verdict, and its session is not reused.</summary>
internal sealed class SessionWatch
{
    // Read by MariaDB and MySQL alike; the deadline variable is left out (the runner sets it per statement).
    private static readonly string[] Common =
    [
        "sql_mode", "time_zone", "character_set_client", "character_set_connection", "character_set_results", "collation_connection",
        "sql_select_limit", "div_precision_increment", "group_concat_max_len", "max_sort_length", "lc_time_names", "default_week_format",
        "sql_auto_is_null", "autocommit", "max_join_size", "sql_big_selects", "optimizer_switch", "optimizer_prune_level", "optimizer_search_depth",
    ];

    private readonly string[] _variables;
    private readonly string _query;
    private readonly string _fingerprint;
    private readonly string _check;

    public SessionWatch(ServerFlavor flavor)
    {
        _variables = flavor switch
        {
            ServerFlavor.MariaDb => [.. Common, "tx_isolation", "join_cache_level", "optimizer_use_condition_selectivity", "in_predicate_conversion_threshold", "default_regex_flags", "old_mode"],
            ServerFlavor.MySql => [.. Common, "transaction_isolation"],
            ServerFlavor.TiDb => ["sql_mode", "time_zone", "character_set_client", "character_set_connection", "character_set_results", "collation_connection",
                "sql_select_limit", "div_precision_increment", "group_concat_max_len", "default_week_format", "autocommit"],
            _ => ["sql_mode", "time_zone", "character_set_client", "character_set_connection", "character_set_results", "collation_connection", "sql_select_limit"],
        };
        // One short column after every statement instead of every variable's: the full read only when it differs.
        _fingerprint = "MD5(CONCAT_WS(0x1F, " + string.Join(", ", _variables.Select(v => $"IFNULL(@@SESSION.{v}, 0x00)")) + "))";
        _query = $"SELECT {_fingerprint}, " + string.Join(", ", _variables.Select(v => "@@SESSION." + v));
        _check = "SELECT " + _fingerprint;
    }

    /// <summary>The pinned state: a fingerprint of every watched variable, and their values.</summary>
    public async Task<(string Fingerprint, string[] Values)> ReadAsync(MySqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(_query, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var values = new string[_variables.Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = Text(reader, i + 1);
        return (Text(reader, 0), values);
    }

    /// <summary>What changed since the pinned state, in words, or null when nothing did.</summary>
    public async Task<string?> FindChangeAsync(MySqlConnection connection, (string Fingerprint, string[] Values) pinned, CancellationToken cancellationToken)
    {
        await using (var command = new MySqlCommand(_check, connection))
        {
            if (AsText(await command.ExecuteScalarAsync(cancellationToken)) == pinned.Fingerprint)
                return null;
        }
        var (_, now) = await ReadAsync(connection, cancellationToken);
        return Describe(pinned.Values, now) ?? "the statement changed the pinned session";
    }

    private static string Text(MySqlDataReader reader, int ordinal) => AsText(reader.GetValue(ordinal));

    private static string AsText(object? value) => value switch
    {
        null or DBNull => "NULL",
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private string? Describe(string[] snapshot, string[] now)
    {
        var changes = Enumerable.Range(0, _variables.Length)
            .Where(i => !string.Equals(snapshot[i], now[i], StringComparison.Ordinal))
            .Select(i => $"{_variables[i]} was '{snapshot[i]}', is '{now[i]}'")
            .ToList();
        return changes.Count == 0 ? null
            : $"the statement changed the pinned session ({string.Join("; ", changes)}), as a stored function it calls can: its result is not judged";
    }
}
