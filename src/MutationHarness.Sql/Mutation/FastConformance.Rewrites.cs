using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;
using MutationHarness.Sql.Parsing;

namespace MutationHarness.Sql.Mutation;

/// <summary>The token-level rewrites of DISTINCT, UNION and pattern sites, and the window they must explain.</summary>
internal static partial class FastConformance
{
    /// <summary>The original's and mutant's tokens with their common ends.</summary>
    private readonly struct Window(ParsedSeed seed, TokenDiff diff, string mutantSource, Token[] mutant)
    {
        public ParsedSeed Seed { get; } = seed;

        public Token[] Original => Seed.Tokens;

        public string MutantSource { get; } = mutantSource;

        public Token[] Mutant { get; } = mutant;

        /// <summary>True when the mutant is the original with tokens [first, last) replaced by <paramref name="count"/>
        /// tokens (the caller then checks those), everything else equal.</summary>
        public bool Replaces(int first, int last, int count)
        {
            var tail = Original.Length - last;
            return diff.Prefix >= first && diff.Suffix >= tail && Mutant.Length - tail - first == count;
        }
    }

    private static bool DistinctRemoved(SelectQuery select, in Window w)
    {
        var (options, end) = Options(select, w);
        if (options != 1)
        {
            return false;
        }

        var i = w.Seed.TokenAt(select.DistinctToken!.Value.Start);
        return i < end && w.Original[i].Keyword is Keyword.DISTINCT or Keyword.DISTINCTROW && w.Replaces(i, i + 1, 0);
    }

    /// <summary>DISTINCT inserted right after SELECT, or replacing the SELECT's only ALL.</summary>
    private static bool DistinctAdded(SelectQuery select, in Window w)
    {
        var (options, _) = Options(select, w);
        int at;
        if (options == 0)
        {
            at = w.Seed.TokenAt(select.Start) + 1;
            if (!w.Replaces(at, at, 1))
            {
                return false;
            }
        }
        else
        {
            at = w.Seed.TokenAt(select.DistinctToken!.Value.Start);
            if (options != 1 || !IsWord(w.Original[at], Keyword.ALL) || !w.Replaces(at, at + 1, 1))
            {
                return false;
            }
        }

        return w.Mutant[at] is { Kind: TokenKind.Word, Keyword: Keyword.DISTINCT or Keyword.DISTINCTROW };
    }

    /// <summary>How many DISTINCT / DISTINCTROW / ALL words the SELECT's modifiers hold, and where they end.</summary>
    private static (int Count, int End) Options(SelectQuery select, in Window w)
    {
        var tokens = w.Original;
        var i = w.Seed.TokenAt(select.Start);
        if (!IsWord(tokens[i], Keyword.SELECT))
        {
            return (-1, i);
        }

        var count = 0;
        for (i++; tokens[i].Kind == TokenKind.Word; i++)
        {
            var keyword = tokens[i].Keyword;
            if (keyword is Keyword.DISTINCT or Keyword.DISTINCTROW or Keyword.ALL)
            {
                count++;
            }
            else if (keyword is not (Keyword.HIGH_PRIORITY or Keyword.STRAIGHT_JOIN or Keyword.SQL_SMALL_RESULT
                     or Keyword.SQL_BIG_RESULT or Keyword.SQL_BUFFER_RESULT or Keyword.SQL_NO_CACHE
                     or Keyword.SQL_CACHE or Keyword.SQL_CALC_FOUND_ROWS))
            {
                break;
            }
        }

        return (count, i);
    }

    private static bool SetOpChanged(Strategy strategy, SetOpQuery setOp, in Window w)
    {
        var op = w.Seed.TokenAt(setOp.OpStart);
        if (!IsWord(w.Original[op], Keyword.UNION))
        {
            return false;
        }

        var q = op + 1;
        switch (strategy)
        {
            case Strategy.FixMUnionAllU when setOp.Quantifier == SetQuantifier.None:
                return w.Replaces(q, q, 1) && IsWord(w.Mutant[q], Keyword.ALL);
            case Strategy.FixMUnionAllU when setOp.Quantifier == SetQuantifier.Distinct:
                return w.Replaces(q, q + 1, 1) && IsWord(w.Mutant[q], Keyword.ALL);
            case Strategy.FixMUnionAllL when setOp.Quantifier == SetQuantifier.All:
                return w.Replaces(q, q + 1, 0) || (w.Replaces(q, q + 1, 1) && IsWord(w.Mutant[q], Keyword.DISTINCT));
            case Strategy.FixMRmUnionAllL:
                return RightOperandRemoved(setOp, op, w);
            default:
                return false;
        }
    }

    /// <summary>Only for a top-level pair of plain SELECTs: elsewhere the parentheses around what is left make
    /// the normal forms differ in ways only the slow path works out.</summary>
    private static bool RightOperandRemoved(SetOpQuery setOp, int op, in Window w)
    {
        if (!ReferenceEquals(w.Seed.Tree.Root, setOp) || HasTail(setOp)
            || setOp.Left is not SelectQuery left || HasTail(left) || setOp.Right is not SelectQuery right || HasTail(right))
        {
            return false;
        }

        var last = w.Seed.TokenAt(right.End);
        return last > op && w.Original[last - 1].End == right.End
               && w.Original[last].Kind is TokenKind.End or TokenKind.Semicolon && w.Replaces(op, last, 0);
    }

    private static bool HasTail(Query query) => query.OrderBy is not null || query.Limit is not null || !query.Trailer.IsEmpty;

    /// <summary>One changed single-piece pattern literal whose new value obeys the strategy's per-character rule.</summary>
    private static bool PatternChanged(Strategy strategy, MatchExpr match, in Window w)
    {
        if (LiteralValues.AsString(match.Pattern) is not { Pieces.Count: 1 } literal)
        {
            return false;
        }

        var (start, end) = literal.Pieces[0];
        var i = w.Seed.TokenAt(start);
        var token = w.Original[i];
        if (token.Kind != TokenKind.String || token.Start != start || token.End != end || !w.Replaces(i, i + 1, 1)
            || w.Mutant[i].Kind != TokenKind.String)
        {
            return false;
        }

        var source = w.Seed.Source;
        var oldValue = LiteralValues.Of(source, literal);
        var newValue = SqlStrings.Decode(w.Mutant[i].Span(w.MutantSource));
        return oldValue != newValue && PatternRules.Violation(strategy, oldValue, newValue, PatternRules.EscapeOf(match, source)) is null;
    }
}
