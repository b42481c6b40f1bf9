namespace MutationHarness.Core.Verdicts;

/// <summary>The overall judgement of one pair, in report order of precedence.</summary>
public enum Verdict
{
    /// <summary>Both sides ran on every target and the relation held.</summary>
    Verified,

    /// <summary>The record could not be run at all: unreadable, unknown strategy, or not a single read-only SELECT.</summary>
    Rejected,

    /// <summary>The mutant is not the strategy applied at exactly one site of the seed.</summary>
    NonConforming,

    /// <summary>A side failed with a server error on some target.</summary>
    NotExecutable,

    /// <summary>A side ran past its deadline on some target.</summary>
    Timeout,

    /// <summary>The relation broke on some runs but not on all.</summary>
    Unstable,

    /// <summary>The relation broke on every run on some target: a logic-bug candidate when the pair conforms.</summary>
    RelationViolated,

    /// <summary>A side's result passed <c>--max-rows</c> or <c>--max-result-bytes</c> on some target, so it was stopped unjudged.</summary>
    TooLarge,
}

/// <summary>Report names of verdicts.</summary>
public static class Verdicts
{
    /// <summary>The kebab-case name used in reports and summaries.</summary>
    public static string Name(this Verdict verdict) => verdict switch
    {
        Verdict.Verified => "verified",
        Verdict.Rejected => "rejected",
        Verdict.NonConforming => "non-conforming",
        Verdict.NotExecutable => "not-executable",
        Verdict.Timeout => "timeout",
        Verdict.Unstable => "unstable",
        Verdict.RelationViolated => "relation-violated",
        Verdict.TooLarge => "too-large",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict)),
    };

    /// <summary>The verdict a report names (<see cref="Name"/> read back).</summary>
    public static bool TryParse(string? name, out Verdict verdict)
    {
        foreach (var candidate in All)
        {
            if (candidate.Name() == name)
            {
                verdict = candidate;
                return true;
            }
        }
        verdict = default;
        return false;
    }

    /// <summary>Every verdict, in report order.</summary>
    public static IReadOnlyList<Verdict> All { get; } = Enum.GetValues<Verdict>();
}
