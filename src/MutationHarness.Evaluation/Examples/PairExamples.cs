using System.Text.Json;
using MutationHarness.Core.Chat;
using MutationHarness.Core.Pairs;
using MutationHarness.Core.Records;
using MutationHarness.Core.Strategies;

namespace MutationHarness.Evaluation;

/// <summary>Reads a pair record (plain or upstream) as an example, prompting the way <c>clean</c> writes chat examples.</summary>
internal static class PairExamples
{
    public static TestExample Read(JsonElement record, string path, int line, StrategyCatalog catalog)
    {
        var input = RecordParser.Parse(record, new SourceLocation(path, line), catalog);
        if (input.Pair is not { } pair)
            return TestSetReader.Unreadable(input.Id, line, input.Problem ?? "the record could not be read");
        if (catalog.Find(pair.Strategy) is not { } strategy)
            return TestSetReader.Unreadable(input.Id, line, pair.Strategy is null
                ? "the record names no strategy"
                : $"unknown strategy '{pair.Strategy}' (see strategies/ for the 18 names)");
        var system = RolePrompt.SystemMessage(pair.Dbms ?? "mysql", strategy.Instructions.Mutate);
        ChatMessage[] prompt = [new(ChatRoles.System, system), new(ChatRoles.User, pair.Original)];
        return new TestExample(input.Id, line, strategy.Name, pair.Dbms, prompt, pair.Original, pair.Mutated, Setup: pair.Setup);
    }
}
