using MutationHarness.Sql.Lexing;

namespace MutationHarness.Sql;

/// <summary>Reads of the server's live state (SEMANTICS.md §5): what they return changes between the two runs of a
/// pair whatever the pair's data, so they make its relation meaningless.</summary>
/// <remarks>
/// performance_schema and sys (views over it) are all live, and so is every table of information_schema but the
/// server's own catalogs below (character sets, collations, engines, keywords, functions, plugins, reference
/// systems). The rest describes the databases the reader can see, and those include every other record's setup
/// database, made and dropped while the pair runs: COLUMNS, SCHEMATA, VIEWS … change under it as other records come
/// and go (besides the sessions, variables, statistics and size estimates that move anyway).
/// </remarks>
internal static class LiveServerState
{
    private static readonly HashSet<string> StaticInformationSchema = new(StringComparer.OrdinalIgnoreCase)
    {
        "CHARACTER_SETS", "COLLATIONS", "COLLATION_CHARACTER_SET_APPLICABILITY", "ENGINES", "KEYWORDS", "SQL_FUNCTIONS",
        "PLUGINS", "ALL_PLUGINS", "SPATIAL_REF_SYS",
    };

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
            "information_schema" => !StaticInformationSchema.Contains(table),
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
