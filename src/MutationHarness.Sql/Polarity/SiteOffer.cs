using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Polarity;

/// <summary>Which part of the offered node the walk is at: the node itself, or one of the conditions it owns.</summary>
internal enum Clause { Itself, Where, Having, On }

/// <summary>A place the polarity walk reached, offered to the rules: the node (and which of its clauses), the
/// polarity flag there, the stop above it if any (its sites are then not mined), and for a set operation whether it
/// is the left operand of another one (a chain such as A UNION ALL B UNION ALL C). A rule adds its sites through
/// <see cref="Add"/>.</summary>
internal readonly struct SiteOffer(SiteWalker walker, Node node, Clause clause, bool flag, Stop? stop, bool isLeftOperand)
{
    public Node Node => node;

    public Clause Clause => clause;

    /// <summary>The original text (for rules that read literal values).</summary>
    public string Source => walker.Source;

    /// <summary>True when the set operation at this place is the left operand of another set operation.</summary>
    public bool IsLeftOperand => isLeftOperand;

    /// <summary>False when the walk only lists this strategy's sites for naming, so work to decide them can be skipped.</summary>
    public bool Wants(Strategy strategy) => walker.Wants(strategy);

    /// <summary>Adds a site of the strategy here; <paramref name="unmet"/> is the precondition it fails, or null.</summary>
    public void Add(Strategy strategy, Node target, string? unmet, string kind, int ordinal, int offset) =>
        walker.Add(strategy, target, flag, stop, unmet, kind, ordinal, offset);
}
