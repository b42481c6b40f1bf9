using MutationHarness.Sql.Lexing;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;
using MutationHarness.Sql.Strategies;

namespace MutationHarness.Sql.Mutation;

/// <summary>An original parsed once for the fast conformance path: its tree and, per strategy, its sites.
/// Shared between threads, so it is read-only after construction (nothing writes into a parsed tree).</summary>
internal sealed class ParsedSeed
{
    private readonly StrategyRuleSet _rules;
    private readonly List<Site>?[] _sites;

    public ParsedSeed(SyntaxTree tree, StrategyRuleSet rules)
    {
        Tree = tree;
        _rules = rules;
        _sites = new List<Site>?[rules.Strategies.Count];
        HasBlockComment = tree.Source.Contains("/*", StringComparison.Ordinal);
    }

    public SyntaxTree Tree { get; }

    public string Source => Tree.Source;

    public Token[] Tokens => Tree.Tokens;

    /// <summary>True when the text has a block comment, which may be executable and so carry lexer state.</summary>
    public bool HasBlockComment { get; }

    /// <summary>The sites of one strategy in walk order; a race only computes the same list twice.</summary>
    public List<Site> SitesOf(Strategy strategy)
    {
        var slot = _rules.IndexOf(strategy);
        return Volatile.Read(ref _sites[slot]) ?? Publish(slot, strategy);
    }

    private List<Site> Publish(int slot, Strategy strategy)
    {
        var walked = SiteWalker.Walk(Tree, _rules, strategy);
        Volatile.Write(ref _sites[slot], walked);
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
