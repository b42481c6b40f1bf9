using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql.Printing;

/// <summary>Where each node of a tree landed in its normal form, recorded by the printer beside the tree (the
/// tree itself is never written to).</summary>
internal sealed class PrintedSpans
{
    private readonly Dictionary<Node, (int Start, int End)> _spans = new(ReferenceEqualityComparer.Instance);

    public void Record(Node node, int start, int end) => _spans[node] = (start, end);

    /// <summary>The node's span in the normal form; a node that was not printed has none.</summary>
    public (int Start, int End)? Of(Node node) => _spans.TryGetValue(node, out var span) ? span : null;
}
