using System.Text.Json;
using MutationHarness.Core.Verdicts;
using MutationHarness.FineTuning;
using MutationHarness.Verification;
using MutationHarness.Verification.Generation;
using Spectre.Console;

namespace MutationHarness.Cli.Commands;

/// <summary>Prints what generate made: pairs and directions per strategy, candidates and why some were not written,
/// the seeds' variety (distinct seeds, lengths, pairs and sites per seed), and the warnings; or the same as JSON.</summary>
internal static class GenerationPrinter
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static void Print(GenerationSummary summary, VerifyOptions verify, IReadOnlyList<string> targets, bool json, TextWriter output)
    {
        var lengths = Distribution.Of(summary.SeedLengths);
        var sites = Distribution.Of(summary.SitesPerSeed);
        var dropped = Verdicts.All.Where(v => summary.NotWritten(v) > 0).ToList();
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                pairs = summary.Written,
                perStrategy = summary.PerStrategy,
                complete = summary.Complete,
                candidates = summary.Tried,
                seconds = Math.Round(summary.Elapsed.TotalSeconds, 2),
                targets,
                databases = verify.Databases,
                seeds = summary.Seeds,
                seedLength = lengths,
                sitesPerSeed = sites,
                pairsPerSeed = summary.PairsPerSeed.OrderBy(p => p.Key).ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value),
                notWritten = dropped.ToDictionary(v => v.Name(), summary.NotWritten),
                strategies = summary.Strategies.Select(s => new
                {
                    strategy = s.Strategy, pairs = s.Written, upper = s.Upper, lower = s.Lower, seeds = s.Seeds, candidates = s.Tried,
                    notWritten = Verdicts.All.Where(v => s.NotWritten(v) > 0).ToDictionary(v => v.Name(), s.NotWritten),
                    shortBecause = s.ShortBecause,
                }),
                warnings = summary.Warnings,
            }, Json));
            return;
        }

        var seconds = summary.Elapsed.TotalSeconds;
        output.WriteLine($"generate: {summary.Written:N0} verified pairs ({summary.PerStrategy:N0} asked per strategy × {summary.Strategies.Count}) " +
            $"from {summary.Tried:N0} candidates in {seconds:N1} s ({summary.Written / Math.Max(0.001, seconds):N0} pairs/s), " +
            $"on {string.Join("; ", targets)}, {verify.Databases} database(s) each");
        var table = new Table().Border(TableBorder.Simple).AddColumn("strategy");
        foreach (var column in new[] { "pairs", "upper", "lower", "seeds", "candidates" })
            table.AddColumn(new TableColumn(column).RightAligned());
        table.AddColumn("not written");
        foreach (var s in summary.Strategies)
        {
            var notWritten = string.Join(", ", Verdicts.All.Where(v => s.NotWritten(v) > 0).Select(v => $"{s.NotWritten(v)} {v.Name()}"));
            table.AddRow(s.Strategy, s.Written.ToString("N0"), s.Upper.ToString("N0"), s.Lower.ToString("N0"), s.Seeds.ToString("N0"),
                s.Tried.ToString("N0"), Markup.Escape(notWritten));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        // Redirected output has no width of its own: leave room for the reasons column rather than wrap names.
        console.Profile.Width = Math.Max(console.Profile.Width, 120);
        console.Write(table);
        output.WriteLine($"seeds: {summary.Seeds:N0} distinct, each under one strategy; length in characters min {lengths.Min:N0}, " +
            $"p5 {lengths.P5:N0}, median {lengths.Median:N0}, mean {lengths.Mean:N0}, p95 {lengths.P95:N0}, max {lengths.Max:N0}");
        output.WriteLine($"pairs per seed: {string.Join(", ", summary.PairsPerSeed.OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value:N0} seeds"))}; " +
            $"sites of its strategy per seed: min {sites.Min:N0}, median {sites.Median:N0}, mean {sites.Mean:N1}, max {sites.Max:N0}");
        if (summary.NotWritten(Verdict.RelationViolated) > 0)
            output.WriteLine($"{summary.NotWritten(Verdict.RelationViolated):N0} conforming candidates broke their relation on every run: logic-bug candidates of the server, not written");
        foreach (var warning in summary.Warnings)
            output.WriteLine($"warning: {warning}");
    }
}
