namespace MutationHarness.Sql.Strategies;

/// <summary>What the reference check finds at one site: the mutant is not this site's change at all, it is exactly
/// the strategy's rewrite there, or it changes this site in a way the strategy's rule forbids (with why).</summary>
internal readonly record struct SiteMatch
{
    private SiteMatch(bool found, string? violation)
    {
        Found = found;
        Violation = violation;
    }

    public static SiteMatch None => default;

    public static SiteMatch Made => new(true, null);

    /// <summary>True when the change sits at this site (made by the strategy or not).</summary>
    public bool Found { get; }

    /// <summary>Why the change at this site is not the strategy's, or null when it is.</summary>
    public string? Violation { get; }

    public static SiteMatch Violates(string why) => new(true, why);
}
