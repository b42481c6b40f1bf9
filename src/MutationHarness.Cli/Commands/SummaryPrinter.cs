using System.Text.Json;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification.Reports;
using Spectre.Console;

namespace MutationHarness.Cli.Commands;

/// <summary>Prints the strategy × verdict table, or the same counts as JSON for machines.</summary>
internal static class SummaryPrinter
{
    public static void Print(VerificationSummary summary, bool json, TextWriter output)
    {
        if (json)
        {
            var document = new Dictionary<string, object>
            {
                ["total"] = summary.Total,
                ["verdicts"] = Verdicts.All.ToDictionary(v => v.Name(), summary.Count),
                ["byStrategy"] = summary.ByStrategy.ToDictionary(
                    e => e.Key, e => Verdicts.All.Where(v => e.Value[(int)v] > 0).ToDictionary(v => v.Name(), v => e.Value[(int)v])),
            };
            output.WriteLine(JsonSerializer.Serialize(document));
            return;
        }
        var shown = Verdicts.All.Where(v => summary.Count(v) > 0).ToList();
        var table = new Table().Border(TableBorder.Simple).AddColumn("strategy");
        foreach (var verdict in shown)
            table.AddColumn(new TableColumn(verdict.Name()).RightAligned());
        table.AddColumn(new TableColumn("total").RightAligned());
        foreach (var (strategy, counts) in summary.ByStrategy)
            table.AddRow([strategy, .. shown.Select(v => counts[(int)v].ToString("N0")), counts.Sum().ToString("N0")]);
        table.AddRow(["[bold]all[/]", .. shown.Select(v => $"[bold]{summary.Count(v):N0}[/]"), $"[bold]{summary.Total:N0}[/]"]);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        console.Write(table);
    }
}
