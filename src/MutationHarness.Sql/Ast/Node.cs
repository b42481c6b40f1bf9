namespace MutationHarness.Sql.Ast;

/// <summary>A syntax node and its span in the source text.</summary>
internal abstract class Node(int start, int end)
{
    public int Start { get; } = start;

    public int End { get; set; } = end;
}

/// <summary>A span of raw tokens kept for printing only (types, window specs, index hints).</summary>
internal readonly record struct TokenRange(int First, int Last)
{
    public static TokenRange Empty => new(0, -1);

    public bool IsEmpty => Last < First;
}
