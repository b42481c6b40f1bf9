using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MutationHarness.FineTuning;

/// <summary>Prints an <see cref="InspectionReport"/> in the layout of the user's data-prep report, or as JSON.</summary>
public static class InspectionReportWriter
{
    private const int SitesShown = 10;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = ExampleJson.WriterOptions.Encoder,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Writes the report as text.</summary>
    public static void WriteText(InspectionReport report, TextWriter output)
    {
        var s = report.Statistics;
        output.WriteLine($"Num examples: {report.ExampleCount}");
        if (report.LegacyExampleCount > 0)
            output.WriteLine($"Format: {report.LegacyExampleCount} of {report.ExampleCount} examples are legacy {{\"prompt\",\"completion\"}} lines, " +
                "the completions fine-tuning format of babbage-002 and davinci-002 (chat models take {\"messages\": [...]})");
        if (report.FirstExample is { } first)
        {
            output.WriteLine("First example:");
            if (report.FirstExampleIsLegacy)
                output.WriteLine(PythonRepr.PromptCompletion(first.Messages[0].Content, first.Messages[1].Content));
            else
                foreach (var message in first.Messages)
                    output.WriteLine(PythonRepr.Message(message));
        }
        WriteIssues(output, report.Errors, "Found errors:", "No errors found");
        output.WriteLine($"Num examples missing system message: {report.MissingSystemCount}");
        output.WriteLine($"Num examples missing user message: {report.MissingUserCount}");
        foreach (var duplicates in report.Warnings.Where(w => w.Kind == FormatIssueKinds.DuplicateExample))
            output.WriteLine($"Warning: {duplicates.Count} duplicate examples (the service accepts them; each weighs again): " +
                string.Join(", ", duplicates.Sites.Take(SitesShown).Select(s => $"line {s.Line} is a {s.Detail}")) + (duplicates.Count > SitesShown ? ", …" : ""));
        WriteDistribution(output, "num_messages_per_example", s.MessagesPerExample);
        WriteDistribution(output, "num_total_tokens_per_example", s.TotalTokensPerExample);
        WriteDistribution(output, "num_assistant_tokens_per_example", s.AssistantTokensPerExample);
        output.WriteLine();
        output.WriteLine($"{s.OverLimitCount} examples may be over the {s.TokenLimit.ToString("N0", CultureInfo.InvariantCulture)} token limit, they will be truncated during fine-tuning");
        output.WriteLine($"Dataset has ~{s.BillingTokens} tokens that will be charged for during training");
        output.WriteLine($"By default, you'll train for {s.Epochs} epochs on this dataset");
        output.WriteLine($"By default, you'll be charged for ~{s.ChargedTokens} tokens");
        var c = s.Cost;
        output.WriteLine(FormattableString.Invariant(
            $"Estimated cost: ~${c.Dollars:0.00} for {c.Model} at ${c.PricePerMillionTokens:0.00} per 1M training tokens (prices as of {c.PricesAsOf}; token counts are an {c.Encoding} estimate)"));
    }

    /// <summary>Writes the report as indented JSON; with the manifest's provenance, both as <c>{"report", "provenance"}</c>.</summary>
    public static void WriteJson(InspectionReport report, TextWriter output, ManifestProvenance? provenance = null) =>
        output.WriteLine(provenance is null
            ? JsonSerializer.Serialize(report, Json)
            : JsonSerializer.Serialize(new { report, provenance }, Json));

    private static void WriteIssues(TextWriter output, IReadOnlyList<FormatIssue> issues, string heading, string none)
    {
        if (issues.Count == 0)
        {
            output.WriteLine(none);
            return;
        }
        output.WriteLine(heading);
        foreach (var issue in issues)
        {
            output.WriteLine($"{issue.Kind}: {issue.Count}");
            foreach (var site in issue.Sites.Take(SitesShown))
                output.WriteLine(site.Line > 0 ? $"  line {site.Line}: {site.Detail ?? issue.Kind}" : $"  {site.Detail ?? issue.Kind}");
            if (issue.Count > SitesShown)
                output.WriteLine($"  ... and {issue.Count - SitesShown} more");
        }
    }

    private static void WriteDistribution(TextWriter output, string name, Distribution d)
    {
        output.WriteLine();
        output.WriteLine($"#### Distribution of {name}:");
        output.WriteLine(FormattableString.Invariant($"min / max: {d.Min}, {d.Max}"));
        output.WriteLine($"mean / median: {PythonRepr.Float(d.Mean)}, {PythonRepr.Float(d.Median)}");
        // The seed's report (the public notebook) prints the 0.1/0.9 quantiles as "p5 / p95": they are p10 / p90.
        output.WriteLine($"p10 / p90: {PythonRepr.Float(d.P10)}, {PythonRepr.Float(d.P90)}");
        output.WriteLine($"p5 / p95: {PythonRepr.Float(d.P5)}, {PythonRepr.Float(d.P95)}");
    }
}
