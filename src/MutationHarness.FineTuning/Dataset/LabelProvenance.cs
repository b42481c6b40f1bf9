using MutationHarness.Core.Chat;

namespace MutationHarness.FineTuning;

/// <summary>What a dataset claims about where its pairs ran: labels that name a dbms none of their servers is.</summary>
internal static class LabelProvenance
{
    /// <summary>Why a candidate's label is not verified: "labelled mysql, verified on MariaDB 10.11 only".</summary>
    public static string Mismatch(DatasetCandidate candidate) => candidate.VerifiedOn is { Count: > 0 } servers
        ? $"labelled {candidate.Dbms}, verified on {Servers(servers)} only"
        : $"labelled {candidate.Dbms}, and where it was verified is not known";

    /// <summary>One warning per label whose emitted pairs were not verified on a server of its flavour.</summary>
    public static IEnumerable<string> Warnings(IEnumerable<PlannedExample> emitted) =>
        emitted.Select(e => e.Candidate)
            .Where(c => c.LabelVerified == false)
            .GroupBy(c => c.Dbms, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Count()} pairs labelled {g.Key} were verified on {Servers(g.SelectMany(c => c.VerifiedOn!))} only; " +
                         $"run with {Article(RolePrompt.DisplayName(g.Key))} target, or pass --require-label-verified to drop them");

    /// <summary>How many pairs each label lost to --require-label-verified, as one line.</summary>
    public static string? Dropped(IEnumerable<RejectedCandidate> rejected)
    {
        var byLabel = rejected.Where(r => r.Reason == RejectionReasons.LabelNotVerified)
            .GroupBy(r => r.Candidate.Dbms, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return byLabel.Count == 0 ? null
            : "dropped as not verified on their label's dbms (--require-label-verified): " +
              string.Join(", ", byLabel.Select(g => $"{g.Count()} labelled {g.Key}" +
                  (g.Any(r => r.Candidate.VerifiedOn is { Count: > 0 }) ? $" (verified on {Servers(g.SelectMany(r => r.Candidate.VerifiedOn ?? []))})" : "")));
    }

    private static string Article(string name) => ("AEIOU".Contains(char.ToUpperInvariant(name[0])) ? "an " : "a ") + name;

    private static string Servers(IEnumerable<VerifiedServer> servers) =>
        string.Join(" and ", servers.Select(s => s.ShortName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
