using MutationHarness.Core.Chat;

namespace MutationHarness.Evaluation;

/// <summary>One example of a test set: the prompt, the seed query (mutation mode) and the reference answer.</summary>
/// <param name="Id">The record's id, or <c>file:line</c> when it names none.</param>
/// <param name="Line">The 1-based line of the test file; outputs may answer by it.</param>
/// <param name="Strategy">The strategy the example asks for (mutation mode).</param>
/// <param name="Dbms">The dbms the role prompt names, when it names one.</param>
/// <param name="Prompt">The messages sent to a model: everything before the reference answer.</param>
/// <param name="Original">The seed query (mutation mode) or the question (SQL mode): the user's message.</param>
/// <param name="Reference">The reference answer (the assistant's message), when the test set has one.</param>
/// <param name="Problem">Why the line could not be read as an example; such an example fails every metric.</param>
/// <param name="Setup">The record's own statements to run first (its tables), from a pair record or from the
/// manifest <c>clean</c> wrote beside a chat file; empty when it runs on the generated databases.</param>
/// <param name="Table">DDL mode: the table whose CREATE TABLE the question asks for.</param>
public sealed record TestExample(
    string Id,
    int Line,
    string? Strategy,
    string? Dbms,
    IReadOnlyList<ChatMessage> Prompt,
    string Original,
    string? Reference,
    string? Problem = null,
    IReadOnlyList<string>? Setup = null,
    string? Table = null);
