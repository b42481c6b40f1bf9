namespace MutationHarness.Core.Chat;

/// <summary>The message roles the chat fine-tuning format accepts.</summary>
public static class ChatRoles
{
    /// <summary>The system message: the role prompt and the strategy instruction.</summary>
    public const string System = "system";

    /// <summary>The user message: the seed query.</summary>
    public const string User = "user";

    /// <summary>The assistant message: the mutant the model should learn to write.</summary>
    public const string Assistant = "assistant";

    /// <summary>A tool result message.</summary>
    public const string Tool = "tool";

    /// <summary>A legacy function result message.</summary>
    public const string Function = "function";

    /// <summary>Whether a role is one the format accepts.</summary>
    public static bool IsKnown(string? role) => role is System or User or Assistant or Tool or Function;
}
