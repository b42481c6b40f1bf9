using MutationHarness.Verification.Reports;
using Spectre.Console;

namespace MutationHarness.Cli.Commands;

/// <summary>Prints the strategy × target matrix and the pairs whose verdicts differ, when a run had several targets.</summary>
internal static class DifferentialPrinter
{
    private const int ShownPairs = 20;

    public static void Print(DifferentialSummary differential, TextWriter output)
    {
        var targets = differential.Targets;
        if (targets.Count < 2)
            return;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        var matrix = new Table().Border(TableBorder.Simple).Title("verdicts per target").AddColumn("strategy");
        foreach (var target in targets)
            matrix.AddColumn(Markup.Escape(target));
        foreach (var strategy in differential.Strategies)
            matrix.AddRow([Markup.Escape(strategy), .. targets.Select(t => Markup.Escape(differential.Cell(strategy, t)))]);
        console.Write(matrix);
        output.WriteLine(DifferentialSummary.CellLegend);

        if (differential.DifferingCount == 0)
        {
            output.WriteLine("Every pair got the same verdict on every target.");
            return;
        }
        var pairs = new Table().Border(TableBorder.Simple).Title($"{differential.DifferingCount:N0} pairs whose verdicts differ").AddColumns("pair", "strategy");
        foreach (var target in targets)
            pairs.AddColumn(Markup.Escape(target));
        foreach (var pair in differential.Differing.Take(ShownPairs))
            pairs.AddRow([Markup.Escape(pair.Id), Markup.Escape(pair.Strategy ?? ""),
                .. targets.Select(t => Markup.Escape(DifferentialSummary.Short(pair, t)))]);
        console.Write(pairs);
        if (differential.DifferingCount > ShownPairs)
            output.WriteLine($"… and {differential.DifferingCount - ShownPairs:N0} more: each report line lists its 'affected' and 'unaffected' targets (--markdown lists them all).");
    }
}
