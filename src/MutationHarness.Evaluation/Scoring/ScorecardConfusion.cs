using System.Globalization;
using System.Text;

namespace MutationHarness.Evaluation;

/// <summary>The Markdown sections a team reads first: per strategy, how many answers did not conform and why, and the
/// five worst examples with their seed, answer and reason.</summary>
public static class ScorecardConfusion
{
    /// <summary>How many examples the worst-examples section shows.</summary>
    public const int WorstShown = 5;

    /// <summary>The non-conformance table (mutation mode only; empty otherwise).</summary>
    public static string NonConformingMarkdown(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var judged = scorecard.Examples.Where(e => e.Strategy is not null).ToList();
        if (judged.Count == 0)
            return "";
        var kinds = NonConformance.Kinds.Where(k => judged.Any(e => e.NonConformance == k)).ToList();
        var text = new StringBuilder("### Non-conforming answers per strategy\n\n");
        text.AppendLine($"| strategy | answers | non-conforming |{string.Concat(kinds.Select(k => $" {k} |"))}");
        text.AppendLine($"|---|---:|---:|{string.Concat(kinds.Select(_ => "---:|"))}");
        foreach (var strategy in judged.GroupBy(e => e.Strategy!).OrderBy(g => g.Key, StringComparer.Ordinal))
            text.AppendLine(Row(strategy.Key, strategy.ToList(), kinds));
        text.AppendLine(Row("all", judged, kinds));
        return text.ToString();
    }

    /// <summary>The worst examples: most gating metrics failed first, then in test-set order.</summary>
    public static IReadOnlyList<ExampleResult> Worst(Scorecard scorecard) =>
        scorecard.Examples.Where(e => !e.Passed)
            .OrderByDescending(e => e.FailedMetrics.Count())
            .ThenBy(e => e.Line)
            .Take(WorstShown)
            .ToList();

    /// <summary>The worst examples as Markdown: the seed or question, the answer and the reason.</summary>
    public static string WorstMarkdown(Scorecard scorecard)
    {
        var worst = Worst(scorecard);
        if (worst.Count == 0)
            return "";
        var text = new StringBuilder(worst.Count == 1 ? "### The worst example\n\n" : $"### The {worst.Count} worst examples\n\n");
        foreach (var example in worst)
        {
            text.AppendLine($"**`{example.Id}`** ({example.Strategy ?? scorecard.Mode}; failed: {string.Join(", ", example.FailedMetrics)})");
            text.AppendLine().AppendLine(example.Strategy is null ? "Question:" : "Seed:").AppendLine(Fence(example.Input));
            text.AppendLine("Answer:").AppendLine(Fence(example.Output ?? "(no answer)"));
            text.AppendLine($"Reason: {string.Join("; ", example.Details).Replace("\n", " ", StringComparison.Ordinal)}").AppendLine();
        }
        return text.ToString();
    }

    private static string Row(string strategy, List<ExampleResult> examples, List<string> kinds)
    {
        var counts = kinds.Select(k => examples.Count(e => e.NonConformance == k).ToString(CultureInfo.InvariantCulture));
        var nonConforming = examples.Count(e => e.NonConformance is not null);
        return $"| {strategy} | {examples.Count} | {nonConforming} |{string.Concat(counts.Select(c => $" {c} |"))}";
    }

    // A fence longer than any run of backticks inside, so that a model's own fences cannot close it.
    private static string Fence(string? text)
    {
        var body = text ?? "";
        var longest = 0;
        for (var (i, run) = (0, 0); i < body.Length; i++)
            longest = Math.Max(longest, run = body[i] == '`' ? run + 1 : 0);
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}\n{body.TrimEnd()}\n{fence}\n";
    }
}
