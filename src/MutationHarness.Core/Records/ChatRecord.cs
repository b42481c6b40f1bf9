using System.Text.Json;
using MutationHarness.Core.Chat;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Strategies;

namespace MutationHarness.Core.Records;

/// <summary>Reads a chat fine-tuning example (system names the strategy, user = seed, assistant = mutant).</summary>
internal static class ChatRecord
{
    public static InputRecord Parse(JsonElement record, SourceLocation source, StrategyCatalog catalog, string id)
    {
        if (!record.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
            return InputRecord.Unreadable(id, source, "'messages' must be a list of messages");

        var example = ChatExample.FromJson(messages);
        var system = example.System;
        var strategyName = RecordFields.Text(record, "strategy");
        if (strategyName is null && system is not null)
            strategyName = catalog.FromSystemText(system)?.Name;
        if (strategyName is null)
            return InputRecord.Unreadable(id, source, system is null
                ? "the chat example has no system message naming a strategy"
                : "the system message names no strategy of the catalog");
        var dbms = RecordFields.Text(record, "dbms") ?? (system is null ? null : RolePrompt.DbmsOf(system));
        return RecordParser.Pair(id, source, strategyName, example.Question, example.Answer, dbms, null, []);
    }
}
