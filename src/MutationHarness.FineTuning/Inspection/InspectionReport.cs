using MutationHarness.Core.Chat;

namespace MutationHarness.FineTuning;

/// <summary>What the check of one fine-tuning file found: errors, warnings and statistics; <see cref="ExampleCount"/> counts the lines that hold an example.</summary>
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
    /// <summary>Whether any format error was found (too few valid examples included).</summary>
    public bool HasErrors => Errors.Count > 0;

    /// <summary>Examples without a format error of their own (a duplicate is valid: the service takes it).</summary>
    public int ValidExampleCount { get; init; }

    /// <summary>Examples in the legacy <c>{"prompt", "completion"}</c> format.</summary>
    public int LegacyExampleCount { get; init; }

    /// <summary>Whether <see cref="FirstExample"/> is a legacy prompt and completion (a user and an assistant message here).</summary>
    public bool FirstExampleIsLegacy { get; init; }
}

/// <summary>One kind of format error or warning: how often it occurred and where (the first occurrences).</summary>
public sealed record FormatIssue(string Kind, int Count, IReadOnlyList<IssueSite> Sites);

/// <summary>Where an issue occurred: the 1-based line (0 for the whole file) and a detail.</summary>
public sealed record IssueSite(long Line, string? Detail = null);
