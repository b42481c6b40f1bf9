using System.Text;
using MutationHarness.Core.Results;

using MutationHarness.Verification.Reports;

namespace MutationHarness.Verification.Bundles;

/// <summary>A bundle's <c>repro.sql</c>: a fresh database, the pinned session, the setup, then both statements; runnable
/// with <c>mariadb &lt; repro.sql</c> (or <c>mysql &lt; repro.sql</c>).</summary>
internal static class ReproScript
{
    /// <summary>The database the script creates, works in and drops.</summary>
    public const string Database = "mh_repro";

    public static string Render(BugCase bug)
    {
        var session = bug.Affected.Session;
        var expected = bug.Report.Expected;
        var script = new StringBuilder();
        script.Append($"-- {bug.Pair.Strategy} breaks its relation on {TargetOutcomeText.Server(bug.Affected)} (MutationHarness bug candidate)\n");
        script.Append($"-- Run: mariadb < repro.sql   (creates, uses and drops the database {Database})\n\n");
        script.Append($"DROP DATABASE IF EXISTS {Database};\nCREATE DATABASE {Database};\nUSE {Database};\n");
        script.Append($"SET SESSION sql_mode = {Quote(session.SqlMode)};\nSET SESSION time_zone = {Quote(session.TimeZone)};\n");
        script.Append($"SET NAMES {session.CharacterSet} COLLATE {session.Collation};\n\n");
        script.Append($"-- {bug.Database}\n");
        foreach (var statement in bug.Setup)
            script.Append(Statement(statement));
        script.Append("\n-- the original (seed) query\n").Append(Statement(bug.Pair.Original));
        script.Append($"\n-- the mutant: {bug.Pair.Strategy}");
        if (bug.Report.Conformance?.Site is { } site)
            script.Append($" at {site}");
        if (expected is not null)
            script.Append($"; expected {expected.Relation.Describe()}");
        script.Append('\n').Append(Statement(bug.Pair.Mutated));
        script.Append($"\nDROP DATABASE {Database};\n");
        return script.ToString();
    }

    private static string Statement(string sql) => sql.TrimEnd().TrimEnd(';').TrimEnd() + ";\n";

    private static string Quote(string value) => "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
