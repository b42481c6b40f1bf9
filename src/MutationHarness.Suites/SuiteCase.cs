using MutationHarness.Core.Verdicts;

namespace MutationHarness.Suites;

/// <summary>One pair on one server, judged against the suite: the verdict expected (and the rule that said so) and the
/// verdict seen (with why, as one line, and the witness rows). A pair the suite expects but the inputs no longer hold has
/// no verdict seen.</summary>
public sealed record SuiteCase(string Id, string? Strategy, ServerIdentity? Server, Verdict Expected, Expectation? Rule,
    Verdict? Observed, string? Observation, string? Witness)
{
    /// <summary>True when the pair got the verdict the suite expects on this server.</summary>
    public bool Held => Observed == Expected;

    /// <summary>True for a known failure that still reproduces (a pinned bug): a pass, reported as such.</summary>
    public bool Known => Held && Expected != Verdict.Verified;

    /// <summary>The case's name in reports: the pair, and the server when the suite ran on several.</summary>
    public string Name(bool withServer) =>
        withServer && Server is not null ? $"{Id} on {Server.Target}" : Id;

    /// <summary>One line saying how the case ended.</summary>
    public string Summary => Observed switch
    {
        null => $"expected {Expected.Name()}, but no input record has this id any more",
        var seen when seen == Expected && Known => $"known {Expected.Name()} still reproduces{Why}",
        var seen when seen == Expected => "verified as expected",
        var seen => $"expected {Expected.Name()}{Why}, got {Observation ?? seen.Value.Name()}",
    };

    private string Why => Rule is { Link: { } link } ? $" ({link})" : Rule is { Reason: { } reason } ? $" ({reason})" : "";
}
