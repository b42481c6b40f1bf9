namespace MutationHarness.Core.Results;

/// <summary>How much of one result is read: past <see cref="MaxRows"/> rows or <see cref="MaxBytes"/> bytes of cell text
/// the statement is stopped and its result is too large to judge; the text of rows is kept only up to
/// <see cref="TextBudget"/> bytes, the rest of the result living on as row hashes.</summary>
public sealed record ResultLimits(int MaxRows, long MaxBytes, long TextBudget)
{
    /// <summary>The default row limit of <c>--max-rows</c>.</summary>
    public const int DefaultMaxRows = 1_000_000;

    /// <summary>The default of <c>--max-result-bytes</c>: 1 GiB of cell text, which streams in seconds and is far
    /// beyond any pair worth training on.</summary>
    public const long DefaultMaxBytes = 1L << 30;

    /// <summary>Cell text kept per result: enough for every row of nearly every pair, so witnesses need no re-read.</summary>
    public const long DefaultTextBudget = 256 * 1024;

    /// <summary>The limits a run gets without options.</summary>
    public static ResultLimits Default { get; } = new(DefaultMaxRows, DefaultMaxBytes, DefaultTextBudget);

    /// <summary>Names the limit a result passed, or null when it is within both.</summary>
    public string? Exceeded(int rows, long bytes) =>
        rows > MaxRows ? $"more than {MaxRows:N0} rows (--max-rows)"
        : bytes > MaxBytes ? $"more than {MaxBytes:N0} bytes of cell text (--max-result-bytes)"
        : null;
}
