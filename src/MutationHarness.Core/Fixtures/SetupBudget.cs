namespace MutationHarness.Core.Fixtures;

/// <summary>What a record's own setup may spend, all its statements together: past any of these it is stopped
/// and the record is not executable.</summary>
/// <param name="Time">Wall-clock time for every statement of the setup together.</param>
/// <param name="MaxRows">Rows in the setup's tables (the server's count, which InnoDB estimates).</param>
/// <param name="MaxBytes">Bytes of the setup's tables on the server (data, indexes, and their files).</param>
public sealed record SetupBudget(TimeSpan Time, long MaxRows, long MaxBytes)
{
    /// <summary>10 s, 1,000,000 rows, 256 MB: far above any bug report's setup, far below a full disk.</summary>
    public static SetupBudget Default { get; } = new(TimeSpan.FromSeconds(10), 1_000_000, 256L * 1024 * 1024);

    /// <summary>Throws <see cref="ArgumentException"/> on a budget that allows nothing.</summary>
    public SetupBudget Validate()
    {
        if (Time <= TimeSpan.Zero || MaxRows < 1 || MaxBytes < 1)
            throw new ArgumentException($"A setup budget must be positive (time {Time}, rows {MaxRows}, bytes {MaxBytes}).");
        return this;
    }
}
