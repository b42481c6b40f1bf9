using MutationHarness.Core.Chat;

namespace MutationHarness.FineTuning;

/// <summary>What the check of one chat fine-tuning file found: errors, warnings and statistics.</summary>
public sealed record InspectionReport(
    string Source,
    long FileBytes,
    int ExampleCount,
    ChatExample? FirstExample,
    IReadOnlyList<FormatIssue> Errors,
    IReadOnlyList<FormatIssue> Warnings,
    int MissingSystemCount,
    int MissingUserCount,
    TrainingStatistics Statistics)
{
    /// <summary>Whether any format error was found.</summary>
    public bool HasErrors => Errors.Count > 0;
}

/// <summary>One kind of format error or warning: how often it occurred and where (the first occurrences).</summary>
public sealed record FormatIssue(string Kind, int Count, IReadOnlyList<IssueSite> Sites);

/// <summary>Where an issue occurred: the 1-based line (0 for the whole file) and a detail.</summary>
public sealed record IssueSite(long Line, string? Detail = null);
