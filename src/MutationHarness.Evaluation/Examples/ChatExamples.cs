using System.Text.Json;
using MutationHarness.Core.Chat;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;

namespace MutationHarness.Evaluation;

/// <summary>Reads a chat example: the prompt is every message before the last assistant message, which is the reference.</summary>
internal static class ChatExamples
{
    public static TestExample Read(string id, int line, JsonElement record, JsonElement messages, EvalMode mode, StrategyCatalog catalog)
    {
        if (messages.ValueKind != JsonValueKind.Array)
            return TestSetReader.Unreadable(id, line, "'messages' must be a list of messages");
        var example = ChatExample.FromJson(messages);
        var user = example.Question;
        if (string.IsNullOrWhiteSpace(user))
            return TestSetReader.Unreadable(id, line, "the chat example has no user message");
        var system = example.System;
        var dbms = RecordFields.Text(record, "dbms") ?? (system is null ? null : RolePrompt.DbmsOf(system));
        if (mode != EvalMode.Mutation)
            return new TestExample(id, line, null, dbms, example.Prompt, user, example.Answer);

        var strategy = catalog.Find(RecordFields.Text(record, "strategy"))?.Name
            ?? (system is null ? null : catalog.FromSystemText(system)?.Name);
        if (strategy is null)
            return TestSetReader.Unreadable(id, line, system is null
                ? "the chat example has no system message naming a strategy"
                : "the system message names no strategy of the catalog");
        return new TestExample(id, line, strategy, dbms, example.Prompt, user, example.Answer);
    }
}
