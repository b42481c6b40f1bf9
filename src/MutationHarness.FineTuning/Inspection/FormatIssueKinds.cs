namespace MutationHarness.FineTuning;

/// <summary>The kinds of format errors and warnings a chat fine-tuning file can have, named as the public checklist names them.</summary>
public static class FormatIssueKinds
{
    /// <summary>A line that is not a JSON object.</summary>
    public const string DataType = "data_type";

    /// <summary>An example with no non-empty <c>messages</c> list.</summary>
    public const string MissingMessagesList = "missing_messages_list";

    /// <summary>A message without <c>role</c> or <c>content</c>.</summary>
    public const string MessageMissingKey = "message_missing_key";

    /// <summary>A message key other than role, content, name, function_call, tool_calls, weight.</summary>
    public const string MessageUnrecognizedKey = "message_unrecognized_key";

    /// <summary>A role other than system, user, assistant, tool, function.</summary>
    public const string UnrecognizedRole = "unrecognized_role";

    /// <summary>Empty or non-string content.</summary>
    public const string MissingContent = "missing_content";

    /// <summary>An example with no assistant message.</summary>
    public const string ExampleMissingAssistantMessage = "example_missing_assistant_message";

    /// <summary>A <c>weight</c> other than 0 or 1.</summary>
    public const string InvalidWeight = "invalid_weight";

    /// <summary>An example whose last message is not from the assistant.</summary>
    public const string LastMessageNotAssistant = "last_message_not_assistant";

    /// <summary>Warning: an example identical to an earlier one (the service accepts it; it weighs twice).</summary>
    public const string DuplicateExample = "duplicate_example";

    /// <summary>A legacy <c>{"prompt", "completion"}</c> line given to a chat model.</summary>
    public const string LegacyPromptCompletion = "legacy_prompt_completion";

    /// <summary>A chat example given to a model that takes legacy <c>{"prompt", "completion"}</c> lines.</summary>
    public const string ChatExampleForCompletionModel = "chat_example_for_completion_model";

    /// <summary>A line that is not valid UTF-8.</summary>
    public const string InvalidUtf8 = "invalid_utf8";

    /// <summary>A last line cut off mid-example (no line break, not valid JSON).</summary>
    public const string TruncatedLastLine = "truncated_last_line";

    /// <summary>A file above the service's upload limit.</summary>
    public const string FileTooLarge = "file_too_large";

    /// <summary>Warning: an example without a system message.</summary>
    public const string MissingSystemMessage = "missing_system_message";

    /// <summary>Warning: an example without a user message.</summary>
    public const string MissingUserMessage = "missing_user_message";

    /// <summary>Fewer valid examples than the service requires (an empty file included).</summary>
    public const string TooFewExamples = "too_few_examples";
}
