namespace MutationHarness.Evaluation;

/// <summary>One message of the prompt a model is sent: a role and its text.</summary>
public sealed record PromptMessage(string Role, string Content);
