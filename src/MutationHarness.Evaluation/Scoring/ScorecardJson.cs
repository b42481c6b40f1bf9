using System.Text.Encodings.Web;
using System.Text.Json;
using MutationHarness.Core.Records;

namespace MutationHarness.Evaluation;

/// <summary>Writes and reads the scorecard as JSON: the file <c>--baseline</c> compares against.</summary>
public static class ScorecardJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The scorecard as indented JSON.</summary>
    public static string Serialize(Scorecard scorecard) => JsonSerializer.Serialize(scorecard, Options);

    /// <summary>Reads a scorecard written by <see cref="Serialize"/>; a file that is not one is an input error naming it.</summary>
    public static async Task<Scorecard> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
            throw new InputException($"baseline not found: {path}");
        await using var stream = File.OpenRead(path);
        try
        {
            var scorecard = await JsonSerializer.DeserializeAsync<Scorecard>(stream, Options, cancellationToken);
            if (scorecard?.Examples is null || scorecard.Metrics is null)
                throw new InputException($"{path} is not a scorecard written by 'harness eval --out'");
            return scorecard;
        }
        catch (JsonException e)
        {
            throw new InputException($"{path} is not a scorecard written by 'harness eval --out': {e.Message}");
        }
    }
}
