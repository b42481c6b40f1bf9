using System.Globalization;
using System.Text;

namespace MutationHarness.Evaluation;

/// <summary>Renders the scorecard's rates as a terminal table or as Markdown: strategy × dbms rows, metric columns.</summary>
public static class ScorecardTable
{
    /// <summary>A fixed-width table for a terminal.</summary>
    public static string Render(Scorecard scorecard)
    {
        var rows = Rows(scorecard);
        var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        for (var r = 0; r < rows.Count; r++)
        {
            if (r == rows.Count - 1)
                text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
            text.AppendLine(string.Join("  ", rows[r].Select((cell, c) => c < 2 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
            if (r == 0)
                text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        }
        if (scorecard.Ddl is { } ddl)
            text.AppendLine(ddl.ToString());
        text.AppendLine($"{scorecard.Passed} of {scorecard.Examples.Count} examples passed every gating metric" +
            (ReportedOnly(scorecard) is { Length: > 0 } reported ? $" ({reported} reported only)." : "."));
        return text.ToString();
    }

    /// <summary>A Markdown table, with the failing examples listed below it.</summary>
    public static string Markdown(Scorecard scorecard, BaselineComparison? comparison = null)
    {
        var rows = Rows(scorecard);
        var text = new StringBuilder();
        text.AppendLine($"## Evaluation: {scorecard.Answers}").AppendLine();
        text.AppendLine($"Test set `{scorecard.Test}`, {scorecard.Mode} mode, on {string.Join("; ", scorecard.Targets)}.").AppendLine();
        text.AppendLine("| " + string.Join(" | ", rows[0]) + " |");
        text.AppendLine("|" + string.Concat(rows[0].Select((_, c) => c < 2 ? "---|" : "---:|")));
        foreach (var row in rows.Skip(1))
            text.AppendLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
        text.AppendLine().AppendLine($"{scorecard.Passed} of {scorecard.Examples.Count} examples passed every gating metric.");
        if (scorecard.Ddl is { } ddl)
            text.AppendLine().AppendLine(ddl.ToString() + ".");
        if (comparison is not null)
            text.AppendLine().Append(comparison.Markdown());
        foreach (var section in new[] { ScorecardConfusion.NonConformingMarkdown(scorecard), ScorecardConfusion.WorstMarkdown(scorecard) })
        {
            if (section.Length > 0)
                text.AppendLine().Append(section);
        }
        var failing = scorecard.Examples.Where(e => !e.Passed).ToList();
        if (failing.Count > 0)
        {
            text.AppendLine().AppendLine("### Failing examples").AppendLine();
            foreach (var example in failing.Take(100))
                text.AppendLine($"- `{Escape(example.Id)}` ({example.Strategy ?? "-"}): {Escape(string.Join("; ", example.Details))}");
            if (failing.Count > 100)
                text.AppendLine($"- … and {failing.Count - 100} more (see the JSON scorecard)");
        }
        return text.ToString();
    }

    private static string ReportedOnly(Scorecard scorecard) =>
        string.Join(" and ", scorecard.Metrics.Where(m => scorecard.Examples.Count > 0 && !scorecard.Examples[0].Gates(m)).Select(m => $"'{m}'"));

    private static List<string[]> Rows(Scorecard scorecard)
    {
        List<string[]> rows = [["strategy", "dbms", "n", .. scorecard.Metrics]];
        foreach (var group in scorecard.Groups)
            rows.Add([group.Strategy, group.Dbms, group.Examples.ToString(CultureInfo.InvariantCulture), .. group.Rates.Select(Cell)]);
        rows.Add(["all", "", scorecard.Examples.Count.ToString(CultureInfo.InvariantCulture), .. scorecard.Overall.Select(Cell)]);
        return rows;
    }

    private static string Cell(MetricRate rate) =>
        rate.Rate is { } value ? value.ToString("P1", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "n/a";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
