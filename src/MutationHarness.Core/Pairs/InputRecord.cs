namespace MutationHarness.Core.Pairs;

/// <summary>One input record: a readable pair, or the reason it could not be read (never dropped).</summary>
public sealed record InputRecord(string Id, SourceLocation Source, MutationPair? Pair, string? Problem)
{
    /// <summary>The record's position among all records of the run's inputs, from 1 (0 when it came from elsewhere).</summary>
    public long Index { get; init; }

    /// <summary>A record that was read into a pair.</summary>
    public static InputRecord Read(MutationPair pair) => new(pair.Id, pair.Source, pair, null);

    /// <summary>A record that could not be read, with what is wrong with it.</summary>
    public static InputRecord Unreadable(string id, SourceLocation source, string problem) => new(id, source, null, problem);
}
