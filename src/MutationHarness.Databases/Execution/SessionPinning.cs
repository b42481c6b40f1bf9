using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>The statement that pins a session, and the connection-string options that keep cell text exact.</summary>
internal static class SessionPinning
{
    /// <summary>One statement, sent once per connection, never per statement.</summary>
    public static string SetStatement(SessionSettings session) =>
        $"SET SESSION sql_mode={Quote(session.SqlMode)}, time_zone={Quote(session.TimeZone)}, " +
        $"NAMES {Identifier(session.CharacterSet)} COLLATE {Identifier(session.Collation)}, sql_select_limit=18446744073709551615";

    /// <summary>Adds the options every harness connection needs to a user's or our own connection string.</summary>
    public static string Harden(string connectionString, string? database = null)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString)
        {
            // Cells must come back as the server's values, not as .NET conveniences.
            TreatTinyAsBoolean = false,
            GuidFormat = MySqlGuidFormat.None,
            AllowZeroDateTime = true,
            ConvertZeroDateTime = false,
            // The text protocol: what the server prints is what we compare.
            IgnorePrepare = true,
            AllowUserVariables = true,
            // We keep our own pinned sessions, reset and pinned again before each reuse.
            Pooling = false,
            // A setup's LOAD DATA LOCAL INFILE would read a file of this machine's and send it.
            AllowLoadLocalInfile = false,
            // The deadline is a cancellation token; CommandTimeout is only a per-read budget.
            DefaultCommandTimeout = 0,
            CharacterSet = "utf8mb4",
            // MySQL 8's caching_sha2_password needs it without TLS; these are throwaway or test accounts.
            AllowPublicKeyRetrieval = true,
        };
        if (database is not null)
            builder.Database = database;
        return builder.ConnectionString;
    }

    public static string Quote(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    public static string Identifier(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
                throw new ArgumentException($"'{name}' is not a character set or collation name.", nameof(name));
        }
        return name;
    }
}
