using System.Text.Json;
using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification.Reports;

/// <summary>One line of a verdict report read back: what <c>--resume</c>, <c>merge</c> and <c>clean --from-report</c> need of it.</summary>
public sealed record ReportedRecord(
    long Index,
    string Id,
    string Source,
    string? Strategy,
    string? Dbms,
    Verdict Verdict,
    string? Reason,
    string? Original,
    string? Mutated,
    IReadOnlyList<string> Setup,
    IReadOnlyList<ReportedTarget> Targets)
{
    /// <summary>The same view of a report still in memory.</summary>
    public static ReportedRecord From(PairReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ReportedRecord(report.Index, report.Id, report.Source.ToString(), report.Strategy, report.Pair?.Dbms,
            report.Verdict, report.Reason, report.Pair?.Original, report.Pair?.Mutated, report.Pair?.Setup ?? [],
            report.Targets.Select(t => new ReportedTarget(t.Target, t.ServerFlavor, t.ServerVersion, t.Session.SqlMode,
                t.Verdict, t.Databases.Select(d => d.Database).ToList())).ToList());
    }

    /// <summary>Reads one report line; null when it is not one (not JSON, or no index, id or known verdict).</summary>
    public static ReportedRecord? TryParse(ReadOnlyMemory<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("index", out var index) || !index.TryGetInt64(out var position)
                || Text(root, "id") is not { } id
                || !Verdicts.TryParse(Text(root, "verdict"), out var verdict))
                return null;
            return new ReportedRecord(position, id, Text(root, "source") ?? "", Text(root, "strategy"), Text(root, "dbms"),
                verdict, Text(root, "reason"), Text(root, "original"), Text(root, "mutated"), Strings(root, "setup"), ReadTargets(root, verdict));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static List<ReportedTarget> ReadTargets(JsonElement root, Verdict fallback)
    {
        var targets = new List<ReportedTarget>();
        if (!root.TryGetProperty("targets", out var array) || array.ValueKind != JsonValueKind.Array)
            return targets;
        foreach (var target in array.EnumerateArray())
        {
            // "server" is "<flavor> <version>" as the writer puts it.
            var server = Text(target, "server") ?? "";
            var space = server.IndexOf(' ', StringComparison.Ordinal);
            var sqlMode = target.TryGetProperty("session", out var session) ? Text(session, "sqlMode") : null;
            // A target line without its own verdict (never written so) counts as the record's.
            var verdict = Verdicts.TryParse(Text(target, "verdict"), out var own) ? own : fallback;
            var databases = target.TryGetProperty("databases", out var runs) && runs.ValueKind == JsonValueKind.Array
                ? runs.EnumerateArray().Select(run => Text(run, "database")).OfType<string>().ToList()
                : [];
            targets.Add(new ReportedTarget(Text(target, "target") ?? "", space < 0 ? server : server[..space],
                space < 0 ? "" : server[(space + 1)..], sqlMode ?? "", verdict, databases));
        }
        return targets;
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];
}

/// <summary>A target a reported record ran on: its name, server, pinned <c>sql_mode</c>, its own verdict and the databases it ran on there.</summary>
public sealed record ReportedTarget(string Target, string ServerFlavor, string ServerVersion, string SqlMode, Verdict Verdict, IReadOnlyList<string> Databases);
