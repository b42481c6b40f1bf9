using System.Text.Json;
using System.Text.RegularExpressions;
using MutationHarness.Core.Strategies;

namespace MutationHarness.Evaluation;

/// <summary>Reads a chat example: the prompt is every message before the last assistant message, which is the reference.</summary>
internal static partial class ChatExamples
{
    public static TestExample Read(string id, int line, JsonElement record, JsonElement messages, EvalMode mode, StrategyCatalog catalog)
    {
        if (messages.ValueKind != JsonValueKind.Array)
            return TestSetReader.Unreadable(id, line, "'messages' must be a list of messages");
        var all = messages.EnumerateArray()
            .Where(m => m.ValueKind == JsonValueKind.Object)
            .Select(m => new PromptMessage(TestSetReader.Field(m, "role") ?? "", TestSetReader.Field(m, "content") ?? ""))
            .ToList();
        var last = all.FindLastIndex(m => m.Role == "assistant");
        var prompt = last < 0 ? all : all.Take(last).ToList();
        var reference = last < 0 ? null : all[last].Content;
        var user = prompt.LastOrDefault(m => m.Role == "user")?.Content;
        if (string.IsNullOrWhiteSpace(user))
            return TestSetReader.Unreadable(id, line, "the chat example has no user message");
        var system = prompt.FirstOrDefault(m => m.Role == "system")?.Content;
        var dbms = TestSetReader.Field(record, "dbms") ?? (system is null ? null : DbmsOf(system));
        if (mode == EvalMode.Sql)
            return new TestExample(id, line, null, dbms, prompt, user, reference);

        var strategy = catalog.Find(TestSetReader.Field(record, "strategy"))?.Name
            ?? (system is null ? null : catalog.FromSystemText(system)?.Name);
        if (strategy is null)
            return TestSetReader.Unreadable(id, line, system is null
                ? "the chat example has no system message naming a strategy"
                : "the system message names no strategy of the catalog");
        return new TestExample(id, line, strategy, dbms, prompt, user, reference);
    }

    private static string? DbmsOf(string system)
    {
        var match = RolePrompt().Match(system);
        return match.Success ? match.Groups[1].Value.Trim().ToLowerInvariant() : null;
    }

    [GeneratedRegex(@"You are an expert in (.+?) statement mutation\.")]
    private static partial Regex RolePrompt();
}
