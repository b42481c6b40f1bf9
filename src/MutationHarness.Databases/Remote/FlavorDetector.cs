using Dapper;
using MutationHarness.Databases.Targets;
using MySqlConnector;

namespace MutationHarness.Databases.Remote;

/// <summary>Tells MariaDB, MySQL and TiDB apart from what the server says of itself.</summary>
internal static class FlavorDetector
{
    public static async Task<ServerInfo> DetectAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var (version, comment) = await connection.QuerySingleAsync<(string, string)>(
            new CommandDefinition("SELECT VERSION(), @@version_comment", cancellationToken: cancellationToken));
        return new ServerInfo(Classify(version, comment), version);
    }

    internal static ServerFlavor Classify(string version, string? comment)
    {
        // TiDB reports e.g. "8.0.11-TiDB-v7.5.4"; MariaDB "10.11.19-MariaDB-0+deb12u1".
        if (version.Contains("TiDB", StringComparison.OrdinalIgnoreCase))
            return ServerFlavor.TiDb;
        if (version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase) || (comment?.Contains("MariaDB", StringComparison.OrdinalIgnoreCase) ?? false))
            return ServerFlavor.MariaDb;
        if (comment?.Contains("MySQL", StringComparison.OrdinalIgnoreCase) ?? false)
            return ServerFlavor.MySql;
        return ServerFlavor.Other;
    }
}
