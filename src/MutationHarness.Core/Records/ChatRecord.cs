using System.Text.Json;
using System.Text.RegularExpressions;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Strategies;

namespace MutationHarness.Core.Records;

/// <summary>Reads a chat fine-tuning example (system names the strategy, user = seed, assistant = mutant).</summary>
internal static partial class ChatRecord
{
    public static InputRecord Parse(JsonElement record, SourceLocation source, StrategyCatalog catalog, string id)
    {
        if (!record.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            return InputRecord.Unreadable(id, source, "'messages' must be a list of messages");

        string? system = null, user = null, assistant = null;
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind != JsonValueKind.Object)
                continue;
            var content = RecordFields.Text(message, "content");
            switch (RecordFields.Text(message, "role"))
            {
                case "system": system ??= content; break;
                case "user": user ??= content; break;
                case "assistant": assistant ??= content; break;
            }
        }

        var strategyName = RecordFields.Text(record, "strategy");
        if (strategyName is null && system is not null)
            strategyName = catalog.FromSystemText(system)?.Name;
        if (strategyName is null)
            return InputRecord.Unreadable(id, source, system is null
                ? "the chat example has no system message naming a strategy"
                : "the system message names no strategy of the catalog");
        var dbms = RecordFields.Text(record, "dbms") ?? (system is null ? null : DbmsOf(system));
        return RecordParser.Pair(id, source, strategyName, user, assistant, dbms, null, []);
    }

    private static string? DbmsOf(string system)
    {
        var match = RolePrompt().Match(system);
        return match.Success ? match.Groups[1].Value.Trim().ToLowerInvariant() : null;
    }

    [GeneratedRegex(@"You are an expert in (.+?) statement mutation\.")]
    private static partial Regex RolePrompt();
}
