using System.Text;
using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification.Reports;

/// <summary>Writes <c>verify --markdown</c>: the verdict counts, the strategy × target matrix, the pairs whose verdicts differ
/// across targets, and the logic-bug candidates with the targets they affect, as a page for a pull request or a wiki.</summary>
public static class MarkdownReport
{
    /// <summary>The page's text.</summary>
    public static string Render(VerificationSummary summary, DifferentialSummary differential)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(differential);
        var page = new StringBuilder();
        var targets = differential.Targets;
        page.Append($"# harness verify: {summary.Total:N0} records on {targets.Count} target{(targets.Count == 1 ? "" : "s")}\n\n");
        page.AppendJoin(", ", Verdicts.All.Where(v => summary.Count(v) > 0).Select(v => $"{summary.Count(v):N0} {v.Name()}")).Append(".\n\n");

        page.Append("## Verdicts per strategy and target\n\n");
        Row(page, ["strategy", .. targets]);
        Row(page, [.. Enumerable.Repeat("---", targets.Count + 1)]);
        foreach (var strategy in differential.Strategies)
            Row(page, [strategy, .. targets.Select(t => differential.Cell(strategy, t))]);
        page.Append($"\n{char.ToUpperInvariant(DifferentialSummary.CellLegend[0])}{DifferentialSummary.CellLegend[1..]}.\n");

        page.Append($"\n## Pairs whose verdicts differ across targets ({differential.DifferingCount:N0})\n\n");
        if (differential.DifferingCount == 0)
            page.Append("None: every pair got the same verdict everywhere.\n");
        else
        {
            Row(page, ["pair", "strategy", .. targets]);
            Row(page, [.. Enumerable.Repeat("---", targets.Count + 2)]);
            foreach (var pair in differential.Differing)
                Row(page, [pair.Id, pair.Strategy ?? "", .. targets.Select(t => DifferentialSummary.Short(pair, t))]);
            More(page, differential.DifferingCount, differential.Differing.Count);
        }

        page.Append($"\n## Logic-bug candidates ({differential.CandidateCount:N0})\n\n");
        if (differential.CandidateCount == 0)
            page.Append("None: no conforming pair broke its relation on every run.\n");
        else
        {
            Row(page, ["pair", "strategy", "affected", "unaffected"]);
            Row(page, ["---", "---", "---", "---"]);
            foreach (var pair in differential.Candidates)
                Row(page, [pair.Id, pair.Strategy ?? "", string.Join(", ", pair.Affected), string.Join(", ", pair.Unaffected)]);
            More(page, differential.CandidateCount, differential.Candidates.Count);
        }
        return page.ToString();
    }

    private static void Row(StringBuilder page, IEnumerable<string> cells) =>
        page.Append("| ").AppendJoin(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal).Replace('\n', ' '))).Append(" |\n");

    private static void More(StringBuilder page, int total, int shown)
    {
        if (total > shown)
            page.Append($"\n… and {total - shown:N0} more (see the JSON report).\n");
    }
}
