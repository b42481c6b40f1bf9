using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Results;
using MutationHarness.Core.Verdicts;

namespace MutationHarness.Verification.Reports;

/// <summary>Writes the verdict report: exactly one JSON line per input record, in input order, each line in one write and
/// flushed, so the file is valid JSON lines at every instant (a killed run leaves at most a torn last line, which
/// <c>--resume</c> drops).</summary>
public sealed class ReportWriter(Stream output)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _line = new(1 << 12);
    private readonly Utf8JsonWriter _json = new(Stream.Null, Options);

    /// <summary>Appends one record's line and pushes it to the file.</summary>
    public async Task WriteAsync(PairReport report, CancellationToken cancellationToken)
    {
        _line.ResetWrittenCount();
        _json.Reset(_line);
        Write(_json, report);
        _json.Flush();
        _line.Write("\n"u8);
        await output.WriteAsync(_line.WrittenMemory, cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>The report line of one record, as a string (tests and single-pair tools).</summary>
    public static string ToJson(PairReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
            Write(json, report);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter json, PairReport report)
    {
        json.WriteStartObject();
        json.WriteNumber("index", report.Index);
        json.WriteString("id", report.Id);
        json.WriteString("source", report.Source.ToString());
        json.WriteString("strategy", report.Strategy);
        json.WriteString("dbms", report.Pair?.Dbms);
        json.WriteString("verdict", report.Verdict.Name());
        json.WriteString("reason", report.Reason);
        WritePair(json, report.Pair);
        if (report.Expected is { } expected)
        {
            json.WriteStartObject("expected");
            json.WriteString("relation", expected.Relation.Name());
            json.WriteString("meaning", expected.Relation.Describe());
            json.WriteBoolean("isUpper", expected.IsUpper);
            json.WriteString("from", expected.From);
            json.WriteEndObject();
        }
        if (report.Conformance is { } conformance)
            WriteConformance(json, conformance);
        WriteStrings(json, "flags", report.Flags);
        WriteStrings(json, "notes", report.Notes);
        json.WriteStartArray("targets");
        foreach (var target in report.Targets)
            WriteTarget(json, target);
        json.WriteEndArray();
        WriteStrings(json, "affected", report.Affected());
        WriteStrings(json, "unaffected", report.Unaffected());
        json.WriteEndObject();
    }

    // The pair itself, so that a report is enough to build a dataset from (clean --from-report).
    private static void WritePair(Utf8JsonWriter json, MutationPair? pair)
    {
        if (pair is null)
            return;
        json.WriteString("original", pair.Original);
        json.WriteString("mutated", pair.Mutated);
        if (pair.Setup.Count > 0)
            WriteStrings(json, "setup", pair.Setup);
    }

    private static void WriteConformance(Utf8JsonWriter json, ConformanceReport conformance)
    {
        json.WriteStartObject("conformance");
        json.WriteBoolean("conforms", conformance.Conforms);
        json.WriteString("site", conformance.Site);
        if (conformance.IsUpper is { } isUpper)
            json.WriteBoolean("isUpper", isUpper);
        json.WriteString("failure", conformance.Failure);
        json.WriteString("reason", conformance.Reason);
        json.WriteString("otherStrategy", conformance.OtherStrategy);
        json.WriteEndObject();
    }

    private static void WriteTarget(Utf8JsonWriter json, TargetReport target)
    {
        json.WriteStartObject();
        json.WriteString("target", target.Target);
        json.WriteString("server", $"{target.ServerFlavor} {target.ServerVersion}");
        json.WriteStartObject("session");
        json.WriteString("sqlMode", target.Session.SqlMode);
        json.WriteString("timeZone", target.Session.TimeZone);
        json.WriteString("characterSet", target.Session.CharacterSet);
        json.WriteString("collation", target.Session.Collation);
        json.WriteEndObject();
        json.WriteString("verdict", target.Verdict.Name());
        json.WriteStartArray("databases");
        foreach (var run in target.Databases)
        {
            json.WriteStartObject();
            json.WriteString("database", run.Database);
            json.WriteString("verdict", run.Verdict.Name());
            json.WriteString("setupError", run.SetupError);
            WriteSide(json, "original", run.Original);
            WriteSide(json, "mutated", run.Mutated);
            if (run.Relation is { } relation)
                WriteRelation(json, relation);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter json, string name, SideRun? side)
    {
        if (side is null)
            return;
        json.WriteStartObject(name);
        json.WriteBoolean("ok", side.Ok);
        if (side.Rows is { } rows)
            json.WriteNumber("rows", rows);
        json.WriteNumber("elapsedMs", Math.Round(side.ElapsedMs, 3));
        if (side.ErrorNumber is { } number)
        {
            json.WriteStartObject("error");
            json.WriteNumber("number", number);
            json.WriteString("sqlState", side.SqlState);
            json.WriteString("message", side.ErrorMessage);
            json.WriteEndObject();
        }
        if (side.TimedOut)
            json.WriteBoolean("timedOut", true);
        if (side.Reused)
            json.WriteBoolean("reused", true);
        if (side.TooLarge is { } limit)
        {
            json.WriteString("tooLarge", limit);
            json.WriteNumber("bytes", side.Bytes ?? 0);
        }
        json.WriteEndObject();
    }

    private static void WriteRelation(Utf8JsonWriter json, RelationRun relation)
    {
        json.WriteStartObject("relation");
        json.WriteBoolean("holds", relation.Holds);
        json.WriteNumber("runs", relation.Runs);
        json.WriteNumber("violations", relation.Violations);
        json.WriteString("problem", relation.Problem);
        json.WriteBoolean("identical", relation.Identical);
        if (relation.Note is { } note)
            json.WriteString("comparedAs", note);
        json.WriteStartArray("witness");
        foreach (var row in relation.Witness)
            WriteWitness(json, row);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteWitness(Utf8JsonWriter json, WitnessRow row)
    {
        json.WriteStartObject();
        json.WriteStartArray("row");
        foreach (var cell in row.Cells)
            json.WriteStringValue(cell);
        json.WriteEndArray();
        json.WriteNumber("countInContained", row.CountInContained);
        json.WriteNumber("countInContainer", row.CountInContainer);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
            json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
