using System.Diagnostics;
using MySqlConnector;

namespace MutationHarness.Benchmarks;

/// <summary>The yardstick for the harness's execution overhead: a bare MySqlConnector loop over the same statements.</summary>
public static class BareLoopBaseline
{
    /// <summary>Runs every statement once, spread over <paramref name="workers"/> connections (one open connection each), and returns statements per second.</summary>
    public static async Task<double> RunAsync(string connectionString, string database, IReadOnlyList<string> statements, int workers, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(statements);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        var builder = new MySqlConnectionStringBuilder(connectionString) { Database = database };
        var connections = new MySqlConnection[workers];
        try
        {
            for (var i = 0; i < workers; i++)
            {
                connections[i] = new MySqlConnection(builder.ConnectionString);
                await connections[i].OpenAsync(ct);
            }

            var next = -1;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(connections.Select(connection => Task.Run(async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < statements.Count)
                {
                    await using var command = new MySqlCommand(statements[index], connection);
                    try
                    {
                        await using var reader = await command.ExecuteReaderAsync(ct);
                        while (await reader.ReadAsync(ct))
                        {
                            for (var column = 0; column < reader.FieldCount; column++)
                                _ = reader.GetValue(column);
                        }
                    }
                    catch (MySqlException)
                    {
                        // A failing statement still counts: the harness runs it too.
                    }
                }
            }, ct)));
            return statements.Count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var connection in connections)
            {
                if (connection is not null)
                    await connection.DisposeAsync();
            }
        }
    }
}
