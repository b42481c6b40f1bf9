using MutationHarness.Sql.Lexing;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;

namespace MutationHarness.Sql.Mutation;

/// <summary>An original parsed once for the fast conformance path: its tree and, per strategy, its sites.
/// Shared between threads, so it is read-only after construction (the slow path, which writes normal-form
/// spans into its tree, always parses its own copy).</summary>
internal sealed class ParsedSeed(SyntaxTree tree)
{
    private readonly List<Site>?[] sites = new List<Site>?[StrategyNames.All.Count];

    public SyntaxTree Tree { get; } = tree;

    public string Source => Tree.Source;

    public Token[] Tokens => Tree.Tokens;

    /// <summary>True when the text has a block comment, which may be executable and so carry lexer state.</summary>
    public bool HasBlockComment { get; } = tree.Source.Contains("/*", StringComparison.Ordinal);

    /// <summary>The sites of one strategy in walk order; a race only computes the same list twice.</summary>
    public List<Site> SitesOf(Strategy strategy) =>
        Volatile.Read(ref sites[(int)strategy]) ?? Publish(strategy);

    private List<Site> Publish(Strategy strategy)
    {
        var walked = SiteWalker.Walk(Tree, strategy);
        Volatile.Write(ref sites[(int)strategy], walked);
        return walked;
    }

    /// <summary>The index of the first token starting at or after the offset.</summary>
    public int TokenAt(int offset)
    {
        var tokens = Tokens;
        int low = 0, high = tokens.Length - 1;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (tokens[mid].Start < offset)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
