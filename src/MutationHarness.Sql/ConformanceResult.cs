namespace MutationHarness.Sql;

/// <summary>Why a mutant does not conform to its strategy.</summary>
public enum ConformanceFailure
{
    /// <summary>The original or the mutant is not a parseable SELECT.</summary>
    DoesNotParse,

    /// <summary>The two are the same up to case, whitespace, comments and redundant parentheses.</summary>
    NothingChanged,

    /// <summary>The strategy's change is there, but something else changed too.</summary>
    MoreThanOneSiteChanged,

    /// <summary>The change is not what the strategy does (another strategy may do it).</summary>
    ChangeNotMadeByStrategy,

    /// <summary>The change is the strategy's, but at a site below a stop of the polarity walk (the reason names it):
    /// an outer join, an operand, a function, the select list, a CTE read at both polarities or below a stop.</summary>
    SiteNotApplicable,

    /// <summary>The change is the strategy's, but the site does not meet the strategy's precondition.</summary>
    PreconditionNotMet,

    /// <summary>The strategy name is not one of the strategies.</summary>
    UnknownStrategy,

    /// <summary>The change is the strategy's, but its rows reach the output only through an aggregate, a window
    /// function or a LIMIT (the reason names it), so no containment is expected: no site at all.</summary>
    NoExpectedRelation,
}

/// <summary>The verdict on one (strategy, original, mutant) triple.</summary>
public sealed record ConformanceResult(
    bool Conforms,
    string? Site,
    bool? IsUpper,
    ConformanceFailure? Failure,
    string? Reason,
    string? OtherStrategy)
{
    internal static ConformanceResult Conforming(string site, bool isUpper) =>
        new(true, site, isUpper, null, null, null);

    internal static ConformanceResult Failing(ConformanceFailure failure, string reason, string? site = null, string? other = null) =>
        new(false, site, null, failure, reason, other);
}
