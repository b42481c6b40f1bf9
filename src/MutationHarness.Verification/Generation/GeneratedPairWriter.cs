using System.Text.Encodings.Web;
using System.Text.Json;

namespace MutationHarness.Verification.Generation;

/// <summary>Writes generated pairs as plain pair JSONL (the fields <c>verify</c> and <c>clean</c> read, then where the
/// pair verified), one line each, fields always in the same order so a run can be compared byte for byte.</summary>
public sealed class GeneratedPairWriter(Stream output)
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly byte[] Newline = "\n"u8.ToArray();
    private readonly Utf8JsonWriter _json = new(output, Options);

    /// <summary>Appends one pair's line.</summary>
    public async Task WriteAsync(GeneratedPair pair, CancellationToken cancellationToken)
    {
        _json.WriteStartObject();
        _json.WriteString("id", pair.Id);
        _json.WriteString("strategy", pair.Strategy);
        _json.WriteString("original", pair.Original);
        _json.WriteString("mutated", pair.Mutated);
        _json.WriteBoolean("isUpper", pair.IsUpper);
        _json.WriteString("dbms", pair.Dbms);
        _json.WriteString("site", pair.Site);
        _json.WriteString("seedId", pair.SeedId);
        _json.WriteStartArray("targets");
        foreach (var target in pair.Targets)
        {
            _json.WriteStartObject();
            _json.WriteString("target", target.Target);
            _json.WriteString("server", target.Server);
            _json.WriteString("version", target.Version);
            _json.WriteStartArray("databases");
            foreach (var database in target.Databases)
                _json.WriteStringValue(database);
            _json.WriteEndArray();
            _json.WriteEndObject();
        }

        _json.WriteEndArray();
        _json.WriteEndObject();
        await _json.FlushAsync(cancellationToken);
        _json.Reset();
        await output.WriteAsync(Newline, cancellationToken);
    }
}
