using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>Runs a statement that returns no rows (DDL, grants, session settings, fixture data).</summary>
internal static class ConnectionCommands
{
    /// <param name="timeoutSeconds">A deadline after which the driver kills the statement (0 for none); absent, the driver's default.</param>
    public static async Task RunAsync(this MySqlConnection connection, string sql, CancellationToken cancellationToken, int? timeoutSeconds = null)
    {
        await using var command = new MySqlCommand(sql, connection);
        if (timeoutSeconds is { } seconds)
            command.CommandTimeout = seconds;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
