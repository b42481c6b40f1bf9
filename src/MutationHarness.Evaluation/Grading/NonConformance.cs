using MutationHarness.Core.Strategies;
using MutationHarness.Sql;
using MutationHarness.Verification;

namespace MutationHarness.Evaluation;

/// <summary>Why an answer is not the strategy's mutant, in the few kinds a team reads first on a scorecard.</summary>
public static class NonConformance
{
    /// <summary>The answer changes nothing that counts (an echo of the seed).</summary>
    public const string NothingChanged = "nothing changed";

    /// <summary>The answer is the opposite strategy (a subset mutation asked for a superset, or the reverse).</summary>
    public const string WrongDirection = "wrong direction";

    /// <summary>The strategy's change is there, but more than one thing changed.</summary>
    public const string MoreThanOneChange = "more than one change";

    /// <summary>The strategy's change, at a site the strategy may not use (polarity stop, precondition unmet).</summary>
    public const string WrongSite = "wrong site";

    /// <summary>The change is not what the strategy does (and not its opposite).</summary>
    public const string OtherChange = "another change";

    /// <summary>The strategy's change, but its site feeds an aggregate, a window or a LIMIT: no relation is expected.</summary>
    public const string NoRelation = "no relation";

    /// <summary>The answer does not parse, so no site could be found.</summary>
    public const string DoesNotParse = "does not parse";

    /// <summary>Every kind, in the order the scorecard shows them.</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [WrongSite, WrongDirection, MoreThanOneChange, NoRelation, OtherChange, NothingChanged, DoesNotParse];

    /// <summary>The kind of a verifier's report on (seed, answer), or null when the answer conforms (or was never
    /// judged: no answer, not read-only).</summary>
    public static string? Of(PairReport report, Strategy? asked, StrategyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Conformance is not { } conformance)
            return null;
        if (conformance.Conforms)
            return null;
        return conformance.Failure switch
        {
            nameof(ConformanceFailure.NoExpectedRelation) => NoRelation,
            nameof(ConformanceFailure.DoesNotParse) => DoesNotParse,
            nameof(ConformanceFailure.NothingChanged) => NothingChanged,
            nameof(ConformanceFailure.MoreThanOneSiteChanged) => MoreThanOneChange,
            nameof(ConformanceFailure.SiteNotApplicable) or nameof(ConformanceFailure.PreconditionNotMet) => WrongSite,
            _ when catalog.Find(conformance.OtherStrategy) is { } other && asked is not null && other.IsUpper != asked.IsUpper => WrongDirection,
            _ => OtherChange,
        };
    }
}
