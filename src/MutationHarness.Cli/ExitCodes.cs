namespace MutationHarness.Cli;

/// <summary>The process exit codes every command uses (documented in the README).</summary>
internal static class ExitCodes
{
    /// <summary>Everything passed: all pairs verified, the file is well formed, no regression.</summary>
    public const int Ok = 0;

    /// <summary>The work ran, but something failed: a pair not verified, a format error, a regression.</summary>
    public const int Failed = 1;

    /// <summary>Bad usage or unreadable input (a missing file, a bad option value).</summary>
    public const int Usage = 2;

    /// <summary>A target could not start or be reached.</summary>
    public const int TargetFailed = 3;
}
