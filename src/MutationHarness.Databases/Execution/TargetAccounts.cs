namespace MutationHarness.Databases.Execution;

/// <summary>The connection strings a target uses, and the names of what its run creates.</summary>
/// <param name="Names">This run's names: its databases and accounts all carry its run id.</param>
/// <param name="Loader">Builds the shared fixture databases: all privileges on them only (or the user's own account).</param>
/// <param name="Reader">Runs the statements: SELECT on this run's databases only (or the user's own account).</param>
/// <param name="Admin">Creates each record setup's own account and database and drops them after: root on the embedded
/// server, the given account on a connection string. Null when that account cannot create users: setups then run
/// as <paramref name="Loader"/>, unisolated, and only when the user allows it.</param>
/// <param name="AccountHost">The host part of every account the run creates.</param>
internal sealed record TargetAccounts(RunNames Names, string Loader, string Reader, string? Admin, string AccountHost)
{
    /// <summary>True when every record setup gets an account and database of its own.</summary>
    public bool IsolatesSetups => Admin is not null;
}
