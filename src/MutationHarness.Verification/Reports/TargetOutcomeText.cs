using System.Text;
using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification.Reports;

/// <summary>What happened to a pair on one target, in words, for the sinks that show one target at a time (JUnit, Markdown).</summary>
public static class TargetOutcomeText
{
    /// <summary>One line: the verdict and, on the first database that gave it, why.</summary>
    public static string Line(PairReport report, TargetReport? target)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (target is null)
            return $"{report.Verdict.Name()}: {report.Reason}";
        var run = target.Databases.FirstOrDefault(d => d.Verdict == target.Verdict);
        var why = run switch
        {
            null => null,
            { SetupError: { } setup } => setup,
            { Relation: { Holds: false } relation } => $"{relation.Problem} ({relation.Violations} of {relation.Runs} runs, database {run.Database})",
            { Original.ErrorNumber: { } number } => $"the original failed with error {number}: {run.Original.ErrorMessage}",
            { Mutated.ErrorNumber: { } number } => $"the mutant failed with error {number}: {run.Mutated.ErrorMessage}",
            { Original.TimedOut: true } or { Mutated.TimedOut: true } => "a statement ran past its deadline",
            _ => null,
        };
        return why is null ? target.Verdict.Name() : $"{target.Verdict.Name()}: {why}";
    }

    /// <summary>The witness rows of the first violating database, one per line, cells as the server printed them, with how
    /// often each side returned the row.</summary>
    public static string Witness(PairReport report, TargetReport target)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(target);
        var (contained, container) = report.Expected is { IsUpper: false } ? ("mutant", "original") : ("original", "mutant");
        var text = new StringBuilder();
        foreach (var row in target.Databases.Select(d => d.Relation).FirstOrDefault(r => r is { Holds: false })?.Witness ?? [])
            text.Append('(').AppendJoin(", ", row.Cells.Select(Cell)).Append($")  {row.CountInContained}× in the {contained}, {row.CountInContainer}× in the {container}\n");
        return text.ToString();
    }

    /// <summary>The server as people name it: <c>MariaDB 10.5.23-MariaDB-0+deb11u1</c>.</summary>
    public static string Server(TargetReport target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var flavor = target.ServerFlavor switch
        {
            "MariaDb" => "MariaDB",
            "MySql" => "MySQL",
            "TiDb" => "TiDB",
            var other => other,
        };
        return $"{flavor} {target.ServerVersion}";
    }

    /// <summary>A cell as SQL would write it: NULL, or a quoted string.</summary>
    public static string Cell(string? cell) => cell is null ? "NULL" : "'" + cell.Replace("'", "''", StringComparison.Ordinal) + "'";
}
