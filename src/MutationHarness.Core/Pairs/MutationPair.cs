namespace MutationHarness.Core.Pairs;

/// <summary>A seed query and its mutant under one strategy, as read from an input record.</summary>
public sealed record MutationPair(
    string Id,
    SourceLocation Source,
    string? Strategy,
    string Original,
    string Mutated,
    string? Dbms,
    bool? RecordedIsUpper,
    IReadOnlyList<string> Setup);
