using System.Text.Json;
using MutationHarness.Core.Chat;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Records;

namespace MutationHarness.Cli.Commands;

/// <summary>One seed of a seeds file: where it is, its id, and the query or why no query could be read there.</summary>
internal sealed record SeedLine(SourceLocation Source, string Id, string? Sql, string? Problem);

/// <summary>Reads a file of seed queries for <c>mutate</c>: one query per line, or JSON records per line (a pair or
/// upstream record's original, a chat example's user message, or a <c>seed</c> / <c>sql</c> field). Blank lines are skipped.</summary>
internal static class SeedFile
{
    private static readonly string[] QueryFields = ["original", "originalSqlsim_modified", "originalSqlsim", "originalSql", "seed", "sql"];

    public static IEnumerable<SeedLine> Read(string path)
    {
        if (path != "-" && !File.Exists(path))
            throw new UsageException($"seeds file not found: {path}");
        using var reader = path == "-" ? Console.In : new StreamReader(path);
        var name = path == "-" ? "<stdin>" : path;
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (!string.IsNullOrWhiteSpace(line))
                yield return Parse(line, new SourceLocation(name, number));
        }
    }

    private static SeedLine Parse(string line, SourceLocation source)
    {
        var id = RecordParser.DefaultId(source);
        if (!line.TrimStart().StartsWith('{'))
            return new SeedLine(source, id, line.Trim(), null);
        try
        {
            using var document = JsonDocument.Parse(line);
            var record = document.RootElement;
            id = RecordFields.Text(record, "id") ?? id;
            var sql = RecordFields.FirstText(record, QueryFields)
                ?? (record.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
                    ? ChatExample.FromJson(messages).Question : null);
            return sql is null
                ? new SeedLine(source, id, null, $"{source}: the record holds no seed query (original, originalSql, seed, sql, or a user message)")
                : new SeedLine(source, id, sql, null);
        }
        catch (JsonException e)
        {
            return new SeedLine(source, id, null, $"{source}: a line starting with {{ is not valid JSON: {e.Message}");
        }
    }
}
