namespace MutationHarness.Verification;

/// <summary>A target was lost and could not be brought back (an embedded server that keeps dying, a connection-string
/// server unreachable for longer than <see cref="VerifyOptions.Reconnect"/>): the run stops, keeping what it finished.</summary>
public sealed class TargetFailedException(string message, string? logTail, Exception? inner = null)
    : Exception(string.IsNullOrWhiteSpace(logTail) ? message : $"{message}{Environment.NewLine}Error log (last lines):{Environment.NewLine}{logTail}", inner)
{
    /// <summary>The last lines of the lost server's error log, when there is one.</summary>
    public string? LogTail { get; } = logTail;
}
