using System.Text;
using MutationHarness.Core.Results;
using MutationHarness.Core.Verdicts;
using MutationHarness.Verification.Reports;

namespace MutationHarness.Verification.Bundles;

/// <summary>A bundle's <c>README.md</c>, in the shape of an upstream bug report: what goes wrong, how to repeat it, expected
/// and actual rows, the witness, affected and unaffected versions, the session it ran under.</summary>
internal static class BugReportText
{
    private const int ShownRows = 20;

    public static string Render(BugCase bug, int count, IReadOnlyList<string> ids)
    {
        var (report, pair, affected) = (bug.Report, bug.Pair, bug.Affected);
        var expected = report.Expected!;
        var (contained, container) = expected.IsUpper ? ("original", "mutant") : ("mutant", "original");
        var run = affected.Databases.First(d => d.Verdict == Verdict.RelationViolated);
        var text = new StringBuilder();
        var what = expected.IsUpper ? "the mutant lacks rows the original returns" : "the mutant returns rows the original lacks";
        text.Append($"# {pair.Strategy}: {what} on {Versions(report, Verdict.RelationViolated)}\n\n");
        text.Append($"{run.Relation!.Problem}.\n\n");
        text.Append($"The two queries differ at one site: the mutant is the original with {pair.Strategy} applied" +
                    (report.Conformance?.Site is { } site ? $" at {site}" : "") +
                    $", which can only {(expected.IsUpper ? "add rows to" : "remove rows from")} the result, so {expected.Relation.Describe()} " +
                    $"must hold as multisets of rows whatever the data. Found by MutationHarness; {count} candidate pair{(count == 1 ? "" : "s")} " +
                    "with the same strategy, affected versions and seed shape (listed at the end).\n\n");

        text.Append("## How to repeat\n\n```sql\n");
        foreach (var statement in bug.Setup)
            text.Append(statement.TrimEnd().TrimEnd(';')).Append(";\n");
        text.Append('\n').Append(pair.Original.TrimEnd().TrimEnd(';')).Append(";\n");
        text.Append(pair.Mutated.TrimEnd().TrimEnd(';')).Append(";\n```\n\n");
        text.Append($"Or: `mariadb < repro.sql` (it creates, uses and drops the database `{ReproScript.Database}`).\n\n");

        text.Append("## Expected result\n\n");
        text.Append($"Every row of the {contained} query is also returned by the {container} query, at least as many times ({expected.Relation.Describe()}).\n\n");
        text.Append($"## Actual result\n\nOn {TargetOutcomeText.Server(affected)} (`{affected.Target}`), {bug.Database}:\n\n");
        Rows(text, "original", bug.Original);
        Rows(text, "mutant", bug.Mutated);
        text.Append($"Witness (rows of the {contained} the {container} lacks):\n\n```\n").Append(TargetOutcomeText.Witness(report, affected)).Append("```\n\n");
        text.Append($"It broke on all {run.Relation.Runs} runs.\n\n");

        text.Append("## Affected versions\n\n");
        foreach (var target in report.Targets.Where(t => t.Verdict == Verdict.RelationViolated))
            text.Append($"- {TargetOutcomeText.Server(target)} (`{target.Target}`)\n");
        text.Append("\n## Not affected\n\n");
        var holding = report.Targets.Where(t => t.Verdict == Verdict.Verified).ToList();
        text.Append(holding.Count == 0 ? "- none of the targets of this run\n" : "");
        foreach (var target in holding)
            text.Append($"- {TargetOutcomeText.Server(target)} (`{target.Target}`): the relation holds\n");
        foreach (var target in report.Targets.Where(t => t.Verdict is not (Verdict.Verified or Verdict.RelationViolated)))
            text.Append($"- {TargetOutcomeText.Server(target)} (`{target.Target}`): {TargetOutcomeText.Line(report, target)}\n");

        var session = affected.Session;
        text.Append($"\n## Session settings\n\n- sql_mode: `{session.SqlMode}`\n- time_zone: `{session.TimeZone}`\n");
        text.Append($"- character set and collation: `{session.CharacterSet}`, `{session.Collation}`\n");

        if (bug.Minimised is { Steps.Count: > 0 } minimised)
        {
            text.Append($"\n## Minimised\n\nShrunk from the pair as found in {minimised.Steps.Count} step(s), each kept only while the pair still conformed and still broke on `{affected.Target}`:\n\n");
            foreach (var step in minimised.Steps)
                text.Append($"- {step.Description}\n");
            text.Append($"\nAs found:\n\n```sql\n{minimised.Start.Original}\n{minimised.Start.Mutated}\n```\n");
        }
        text.Append($"\n## Pairs with this fingerprint ({count})\n\n").AppendJoin(", ", ids.Select(id => $"`{id}`"));
        if (count > ids.Count)
            text.Append($", … ({count - ids.Count} more)");
        return text.Append('\n').ToString();
    }

    private static string Versions(PairReport report, Verdict verdict) =>
        string.Join(", ", report.Targets.Where(t => t.Verdict == verdict).Select(TargetOutcomeText.Server).Distinct());

    private static void Rows(StringBuilder text, string side, ResultSet? result)
    {
        if (result is null)
        {
            text.Append($"The {side} query's rows could not be read again.\n\n");
            return;
        }
        text.Append($"The {side} query returns {result.RowCount} row{(result.RowCount == 1 ? "" : "s")}:\n\n```\n");
        foreach (var row in result.Rows.Take(ShownRows))
            text.Append('(').AppendJoin(", ", row.Cells.Select(TargetOutcomeText.Cell)).Append(")\n");
        if (result.RowCount > ShownRows || !result.AllRowsKept)
            text.Append("…\n");
        text.Append("```\n\n");
    }
}
