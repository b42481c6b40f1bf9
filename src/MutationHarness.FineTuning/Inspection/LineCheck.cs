using MutationHarness.Core.Chat;

namespace MutationHarness.FineTuning;

/// <summary>What the check of one line found; built on any thread, merged in line order.</summary>
internal sealed class LineCheck
{
    public LineCheck(long lineNumber) => LineNumber = lineNumber;

    public long LineNumber { get; }

    public List<(string Kind, string? Detail)> Errors { get; } = [];

    /// <summary>The example as far as it could be read; null when the line holds no messages list (nor a prompt and completion).</summary>
    public ChatExample? Example { get; set; }

    /// <summary>The line is a legacy <c>{"prompt", "completion"}</c> example: <see cref="Example"/> holds it as a user and an assistant message.</summary>
    public bool Legacy { get; set; }

    public bool HasSystem { get; set; }

    public bool HasUser { get; set; }

    public UInt128 DuplicateKey { get; set; }

    public int TotalTokens { get; set; }

    public int AssistantTokens { get; set; }

    public void AddError(string kind, string? detail = null) => Errors.Add((kind, detail));
}
