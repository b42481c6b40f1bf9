namespace MutationHarness.Databases.Execution;

/// <summary>The connection strings a target uses: the loader builds fixture databases, the reader runs the statements.</summary>
/// <param name="Loader">An account with all privileges on the fixture databases only (or the user's own account).</param>
/// <param name="Reader">An account that can only SELECT from the fixture databases (or the user's own account).</param>
/// <param name="DatabasePrefix">The prefix of every fixture database name, matching the accounts' grants.</param>
/// <param name="SetupLoader">An account with all privileges on records' own setup databases only: a record's setup
/// runs as it, so it cannot touch the shared fixture databases.</param>
/// <param name="SetupPrefix">The prefix of every setup database name, matching that account's grants.</param>
internal sealed record TargetAccounts(string Loader, string Reader, string DatabasePrefix, string SetupLoader, string SetupPrefix)
{
    /// <summary>The prefix of records' own setup databases: "mhs_" does not match the shared pattern `mh\_%`.</summary>
    public const string RecordSetupPrefix = "mhs_";
}
