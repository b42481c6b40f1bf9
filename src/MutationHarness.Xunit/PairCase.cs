using System.Text.Json;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;
using Xunit.Sdk;

namespace MutationHarness.Xunit;

/// <summary>One record of a pair file, as a theory's argument: it keeps the record's own text, so test runners can list
/// every pair as a test case of its own.</summary>
public sealed class PairCase : IXunitSerializable
{
    /// <summary>For the serializer only.</summary>
    public PairCase()
    {
    }

    /// <summary>A record's JSON text and where it came from.</summary>
    public PairCase(string json, string file, int line)
    {
        Json = json;
        File = file;
        Line = line;
    }

    /// <summary>The record as it stands in its file (one JSON object).</summary>
    public string Json { get; private set; } = "{}";

    /// <summary>The file it came from.</summary>
    public string File { get; private set; } = "";

    /// <summary>Its line (or item number) in that file.</summary>
    public int Line { get; private set; }

    /// <summary>The record read as the harness reads it (an unreadable one becomes a record that is rejected with why).</summary>
    public InputRecord Record
    {
        get
        {
            var source = new SourceLocation(File, Line);
            try
            {
                using var document = JsonDocument.Parse(Json);
                return RecordParser.Parse(document.RootElement, source, StrategyCatalog.Default);
            }
            catch (JsonException e)
            {
                return InputRecord.Unreadable(RecordParser.DefaultId(source), source, $"line {Line} is not valid JSON: {e.Message}");
            }
        }
    }

    /// <inheritdoc />
    public void Deserialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        Json = info.GetValue<string>(nameof(Json)) ?? "{}";
        File = info.GetValue<string>(nameof(File)) ?? "";
        Line = info.GetValue<int>(nameof(Line));
    }

    /// <inheritdoc />
    public void Serialize(IXunitSerializationInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        info.AddValue(nameof(Json), Json);
        info.AddValue(nameof(File), File);
        info.AddValue(nameof(Line), Line);
    }

    /// <summary>The record's id, as test runners show it.</summary>
    public override string ToString() => Record.Id;
}
