using MutationHarness.Core.Results;

namespace MutationHarness.Databases.Targets;

/// <summary>How one statement's result is read: its deadline, the size limits, and which rows' text to keep.</summary>
public sealed record ReadRequest(TimeSpan Deadline)
{
    /// <summary>Row and byte limits, and the text budget.</summary>
    public ResultLimits Limits { get; init; } = ResultLimits.Default;

    /// <summary>Rows whose text is kept however large the result (a witness read again), by row hash.</summary>
    public IReadOnlySet<UInt128>? KeepRows { get; init; }
}
