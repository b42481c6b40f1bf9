namespace MutationHarness.Databases.Targets;

/// <summary>How a target is opened: its connection count, the pinned session and the default deadline.</summary>
public sealed record TargetOptions
{
    /// <summary>The number of pinned sessions kept open: the number of statements that may run at once.</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>The session every statement runs under.</summary>
    public SessionSettings Session { get; init; } = SessionSettings.Default;

    /// <summary>The deadline callers use when a statement has none of its own.</summary>
    public TimeSpan StatementDeadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a local or container server may take to become ready.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Keeps a local server's data directory (and its error log) after the run, for debugging.</summary>
    public bool KeepDataDirectory { get; init; }

    /// <summary>When a container target pulls its image.</summary>
    public ImagePull Pull { get; init; } = ImagePull.Missing;

    /// <summary>Where a slow start says what it is doing (provisioning a server version); null keeps it quiet.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Checks the options and throws <see cref="ArgumentException"/> on a bad value.</summary>
    public TargetOptions Validate()
    {
        if (Jobs < 1)
            throw new ArgumentException($"Jobs must be at least 1, not {Jobs}.", nameof(Jobs));
        if (StatementDeadline <= TimeSpan.Zero)
            throw new ArgumentException($"StatementDeadline must be positive, not {StatementDeadline}.", nameof(StatementDeadline));
        if (StartTimeout <= TimeSpan.Zero)
            throw new ArgumentException($"StartTimeout must be positive, not {StartTimeout}.", nameof(StartTimeout));
        ArgumentNullException.ThrowIfNull(Session);
        return this;
    }
}
