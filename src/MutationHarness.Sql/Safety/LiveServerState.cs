using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql;

/// <summary>Reads of the server's live state (SEMANTICS.md §5): what they return changes between the two runs of a
/// pair whatever the pair's data, so they make its relation meaningless.</summary>
/// <remarks>
/// performance_schema and sys (views over it) are all live. In information_schema only the tables below are:
/// sessions, status and variables, engine internals, statistics, and the table-size estimates of TABLES,
/// PARTITIONS and STATISTICS (rows, lengths, AUTO_INCREMENT, update times move under the reader). The rest of
/// information_schema describes the schema (COLUMNS, SCHEMATA, KEY_COLUMN_USAGE, COLLATIONS, ROUTINES, VIEWS …),
/// which no statement of a pair can change, and it is read alike by both sides of a pair on the same database.
/// </remarks>
internal static class LiveServerState
{
    private static readonly HashSet<string> LiveInformationSchema = new(StringComparer.OrdinalIgnoreCase)
    {
        "PROCESSLIST", "GLOBAL_STATUS", "SESSION_STATUS", "GLOBAL_VARIABLES", "SESSION_VARIABLES", "SYSTEM_VARIABLES",
        "USER_VARIABLES", "TABLES", "PARTITIONS", "STATISTICS", "FILES", "KEY_CACHES", "DISKS", "PROFILING",
        "OPTIMIZER_TRACE", "METADATA_LOCK_INFO", "QUERY_CACHE_INFO", "QUERY_RESPONSE_TIME", "USER_STATISTICS",
        "CLIENT_STATISTICS", "INDEX_STATISTICS", "TABLE_STATISTICS", "SLAVE_STATUS", "THREADS",
    };

    private static readonly string[] LiveInformationSchemaPrefixes = ["INNODB_", "THREAD_POOL_", "WSREP_", "ROCKSDB_"];

    /// <summary>System variables that change from one statement or session to the next (the pairs run on pooled
    /// sessions, so a per-session value differs between the two sides too).</summary>
    private static readonly HashSet<string> LiveVariables = new(StringComparer.OrdinalIgnoreCase)
    {
        "timestamp", "warning_count", "error_count", "last_insert_id", "insert_id", "identity", "rand_seed1", "rand_seed2",
        "pseudo_thread_id", "last_gtid", "gtid_current_pos", "gtid_binlog_pos", "gtid_binlog_state", "gtid_slave_pos",
        "gtid_seq_no", "in_transaction",
    };

    /// <summary>The flag for a system variable token (<c>@@x</c>, <c>@@session.x</c>), or null when it is stable.</summary>
    public static string? Variable(ReadOnlySpan<char> token)
    {
        var name = token.TrimStart('@').ToString();
        name = name[(name.LastIndexOf('.') + 1)..].Trim('`');
        return LiveVariables.Contains(name) ? "@@" + name.ToLowerInvariant() : null;
    }

    /// <summary>The flag for a schema-qualified name at token <paramref name="i"/> (<c>schema . name</c>), or null.</summary>
    public static string? Table(string sql, Token[] tokens, int i)
    {
        if (i + 2 >= tokens.Length || tokens[i + 1].Kind != TokenKind.Dot || !IsName(tokens[i]) || !IsName(tokens[i + 2])
            || (i > 0 && tokens[i - 1].Kind == TokenKind.Dot))
        {
            return null;
        }

        var schema = Name(sql, tokens[i]);
        var table = Name(sql, tokens[i + 2]);
        var live = schema.ToLowerInvariant() switch
        {
            "performance_schema" => true,
            "sys" => !DeclaresName(sql, tokens, "sys"),
            "information_schema" => LiveInformationSchema.Contains(table)
                || LiveInformationSchemaPrefixes.Any(p => table.StartsWith(p, StringComparison.OrdinalIgnoreCase)),
            _ => false,
        };
        return live ? $"live server state ({schema.ToLowerInvariant()}.{table})" : null;
    }

    private static bool IsName(Token token) => token.Kind is TokenKind.Word or TokenKind.QuotedIdentifier;

    /// <summary>A name as the server reads it: a quoted identifier without its backticks.</summary>
    public static string Name(string sql, Token token) =>
        token.Kind == TokenKind.QuotedIdentifier ? sql.Substring(token.Start + 1, token.Length - 2).Replace("``", "`", StringComparison.Ordinal) : token.Text(sql);

    // 'sys' is also a plausible alias; "sys.pk" then names a column, not the sys schema.
    private static bool DeclaresName(string sql, Token[] tokens, string name)
    {
        for (var i = 0; i < tokens.Length - 1; i++)
        {
            if (IsName(tokens[i]) && tokens[i + 1].Kind != TokenKind.Dot && Name(sql, tokens[i]).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
