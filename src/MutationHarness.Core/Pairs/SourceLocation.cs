namespace MutationHarness.Core.Pairs;

/// <summary>Where a record came from: a file (or "-" for stdin) and a 1-based line.</summary>
public readonly record struct SourceLocation(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => Line > 0 ? $"{File}:{Line}" : File;
}
