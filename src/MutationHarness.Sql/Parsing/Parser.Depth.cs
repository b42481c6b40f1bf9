using System.Runtime.CompilerServices;
using MutationHarness.Sql.Ast;

namespace MutationHarness.Sql.Parsing;

/// <summary>The nesting limit (issue 11: no input crashes the process). Every walker over the tree (printer,
/// polarity walk, conformance, mutation) recurses once per level, so the parser refuses a statement whose tree
/// would be deeper than <see cref="MaxDepth"/> levels, counting parentheses, subqueries, unary operators and each
/// link of a left-deep chain (a 15,000-term OR is 15,000 levels deep even though it is parsed in a loop).</summary>
/// <remarks>
/// Measured (Release, x64): the parser takes about 4.4 kB of stack per parenthesis level, the walkers together
/// about 0.75 kB per level; 256 levels stay under 1.2 MB, within the 1.5 MB that .NET gives a thread on the
/// smallest common default (8 MB here, main thread and thread-pool threads alike). Below that, the parser also
/// stops when the thread's stack runs low, with the same clear error instead of a crash.
/// <c>depth</c> is the level being parsed (it bounds the parser's own recursion); <c>peak</c> is the deepest level
/// reached in the subtree being measured, so a chain's height is one more than the higher of its left spine and
/// its newest right operand.
/// </remarks>
internal sealed partial class Parser
{
    /// <summary>The deepest tree a statement may have, in levels.</summary>
    public const int MaxDepth = 256;

    private int _depth;
    private int _peak;
    private bool _tooDeep;

    /// <summary>One level down for a construct that is a node of its own (a parenthesis, a subquery, NOT, a unary
    /// operator): it counts towards the height of whatever encloses it.</summary>
    private void Descend()
    {
        Enter();
        _peak = Math.Max(_peak, _depth);
    }

    private void Ascend() => _depth--;

    /// <summary>One level down for a chain link whose height <see cref="Link"/> settles.</summary>
    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw TooDeep($"an expression nested deeper than {MaxDepth} levels (parentheses, subqueries, operators)");
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw TooDeep("nesting too deep for this thread's stack");
        }
    }

    private void Exit() => _depth--;

    /// <summary>Starts measuring a left-deep chain here; returns the peak to hand back to <see cref="EndChain"/>.</summary>
    private int BeginChain()
    {
        var saved = _peak;
        _peak = _depth;
        return saved;
    }

    /// <summary>The height of what was parsed since <see cref="BeginChain"/>.</summary>
    private int ChainHeight => _peak - _depth;

    /// <summary>The height after one more link, whose right side was parsed between <see cref="Enter"/> and
    /// <see cref="Exit"/>.</summary>
    private int Link(int height)
    {
        var linked = Math.Max(height + 1, _peak - _depth);
        _peak = _depth + linked;
        if (_peak > MaxDepth)
        {
            throw TooDeep($"an expression nested deeper than {MaxDepth} levels (parentheses, subqueries, operators)");
        }

        return linked;
    }

    /// <summary>POSITION's operand (<c>POSITION(x IN y)</c>), a level down like any argument.</summary>
    private Expr ParsePositionOperand()
    {
        Descend();
        var operand = ParseBitOr();
        Ascend();
        return operand;
    }

    /// <summary>A chain of tests over one operand kind (comparisons and IS; IN, BETWEEN, LIKE …), where
    /// <paramref name="extend"/> enters a level when it finds a test and returns null when none follows.</summary>
    private Expr ParseTests(Func<Parser, Expr> operand, Func<Parser, Expr, Expr?> extend)
    {
        var saved = BeginChain();
        var left = operand(this);
        var height = ChainHeight;
        while (extend(this, left) is { } next)
        {
            Exit();
            height = Link(height);
            left = next;
        }

        EndChain(saved);
        return left;
    }

    private void EndChain(int saved) => _peak = Math.Max(_peak, saved);

    /// <summary>The parser's state to restore when it backtracks after a failed attempt.</summary>
    private (int Index, int Depth, int Peak) Mark() => (_index, _depth, _peak);

    private void Restore((int Index, int Depth, int Peak) mark) => (_index, _depth, _peak) = mark;

    private SqlSyntaxError TooDeep(string found)
    {
        // Final: no other reading of the text can be shallower, so backtracking must not retry.
        _tooDeep = true;
        return SqlSyntaxError.At(_source, Current.Start, $"at most {MaxDepth} levels of nesting", found);
    }
}
