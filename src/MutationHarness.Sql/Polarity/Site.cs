using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Polarity;

/// <summary>A place where one strategy could apply: its polarity flag, whether the walk reached it, and the
/// unmet precondition if any. Only reached sites with no unmet precondition are mined. <see cref="NoRelation"/>
/// says why no containment is expected at a mined site (an enclosing SELECT aggregates), when that is so.</summary>
internal sealed record Site(Strategy Strategy, Node Target, bool Flag, bool Reachable, string? Unmet, string Kind, int Ordinal, int Offset)
{
    public string? NoRelation { get; init; }

    public bool Applicable => Reachable && Unmet is null;

    /// <summary>isUpper = (strategy is U) == flag (SEMANTICS §3).</summary>
    public bool IsUpper => Strategy.IsUpper == Flag;

    public string Describe(string source) =>
        (Ordinal > 0 ? $"{Kind} #{Ordinal}" : Kind) + " at " + TextPosition.Describe(source, Offset);
}
