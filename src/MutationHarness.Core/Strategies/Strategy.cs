namespace MutationHarness.Core.Strategies;

/// <summary>One mutation strategy of the catalog, with the user's instruction texts.</summary>
public sealed record Strategy(
    string Name,
    bool IsUpper,
    bool IsRandom,
    string Site,
    string Precondition,
    string Rewrite,
    StrategyInstructions Instructions);

/// <summary>The strategy's instruction in the two styles the user trains with.</summary>
public sealed record StrategyInstructions(string Mutate, string Synthesize)
{
    /// <summary>The text in the named style (<c>mutate</c> or <c>synthesize</c>).</summary>
    public string For(InstructionStyle style) => style == InstructionStyle.Synthesize ? Synthesize : Mutate;
}

/// <summary>How a system message phrases the task.</summary>
public enum InstructionStyle
{
    /// <summary>"Mutate the seed sql given by user into the mutated sql according to …"</summary>
    Mutate,

    /// <summary>"Synthesize the mutated sql that should return a superset/subset of …"</summary>
    Synthesize,
}
