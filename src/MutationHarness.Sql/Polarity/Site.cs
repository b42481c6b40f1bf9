using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Polarity;

/// <summary>A place where one strategy could apply: its polarity flag, the first stop above it (null when the walk
/// reached it), and the unmet precondition if any. Only reached sites with no unmet precondition are mined.</summary>
internal sealed record Site(Strategy Strategy, Node Target, bool Flag, Stop? Stop, string? Unmet, string Kind, int Ordinal, int Offset)
{
    public bool Reachable => Stop is null;

    public bool Applicable => Stop is null && Unmet is null;

    /// <summary>isUpper = (strategy is U) == flag (SEMANTICS §3).</summary>
    public bool IsUpper => Strategy.IsUpper == Flag;

    public string Describe(string source) =>
        (Ordinal > 0 ? $"{Kind} #{Ordinal}" : Kind) + " at " + TextPosition.Describe(source, Offset);
}
