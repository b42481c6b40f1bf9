namespace MutationHarness.Databases.Execution;

/// <summary>The connection strings a target uses: the loader builds fixture databases, the reader runs the statements.</summary>
/// <param name="Loader">An account with all privileges on the fixture databases only (or the user's own account).</param>
/// <param name="Reader">An account that can only SELECT from the fixture databases (or the user's own account).</param>
/// <param name="DatabasePrefix">The prefix of every fixture database name, matching the accounts' grants.</param>
internal sealed record TargetAccounts(string Loader, string Reader, string DatabasePrefix);
