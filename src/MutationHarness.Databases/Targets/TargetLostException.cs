namespace MutationHarness.Databases.Targets;

/// <summary>The server stopped answering in the middle of a record (the connection was lost, or a new one could not be
/// made): a fault of the environment, never a verdict on the record, which must run again on a server that is up.</summary>
public sealed class TargetLostException(string target, string reason, Exception? inner = null)
    : Exception($"lost the connection to {target}: {reason}", inner)
{
    /// <summary>The target's name.</summary>
    public string Target { get; } = target;
}
