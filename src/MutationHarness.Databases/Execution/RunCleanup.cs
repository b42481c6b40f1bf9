using Dapper;
using MySqlConnector;

namespace MutationHarness.Databases.Execution;

/// <summary>Drops every database and account one run made on a server, found by the run id in their names.</summary>
internal static class RunCleanup
{
    /// <summary>Drops the run's databases, then its accounts (the loader last: a run that died halfway is still
    /// recognisable by it); returns what was dropped. When <c>mysql.user</c> cannot be read, the accounts given are dropped.</summary>
    public static async Task<IReadOnlyList<string>> DropAsync(MySqlConnection admin, string runId, IReadOnlyList<(string User, string Host)> knownAccounts,
        CancellationToken cancellationToken)
    {
        var dropped = new List<string>();
        foreach (var database in await admin.QueryAsync<string>(new CommandDefinition("SHOW DATABASES", cancellationToken: cancellationToken)))
        {
            if (RunNames.RunIdOfDatabase(database) != runId)
                continue;
            await admin.RunAsync($"DROP DATABASE IF EXISTS `{database}`", cancellationToken);
            dropped.Add(database);
        }
        IEnumerable<(string User, string Host)> accounts;
        try
        {
            accounts = (await admin.QueryAsync<(string User, string Host)>(new CommandDefinition("SELECT user, host FROM mysql.user", cancellationToken: cancellationToken)))
                .Where(account => RunNames.RunIdOfAccount(account.User) == runId).ToList();
        }
        catch (MySqlException)
        {
            accounts = knownAccounts;
        }
        foreach (var (user, host) in accounts.OrderBy(a => a.User.StartsWith("mh_l_", StringComparison.Ordinal)))
        {
            await admin.RunAsync($"DROP USER IF EXISTS {RunAccounts.Account(user, host)}", cancellationToken);
            dropped.Add($"{user}@{host}");
        }
        return dropped;
    }
}
