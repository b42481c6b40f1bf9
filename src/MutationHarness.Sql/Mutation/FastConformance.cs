using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql.Mutation;

/// <summary>The fast conformance path: lex the mutant, diff its tokens against the (cached) original's, and
/// accept only when the one differing window is exactly a token-level rewrite of an applicable site. It never
/// parses or prints the mutant. It answers only what it can prove the slow path (<see cref="ConformanceChecker"/>)
/// would answer — "conforms" and "nothing changed" — and returns null for everything else, so every failure
/// reason still comes from the slow path. Each rewrite form keeps the parse of everything around it, which is
/// why only these exact forms are recognised (e.g. DISTINCT inserted right after SELECT, not after an option).</summary>
internal static partial class FastConformance
{
    public const string NothingChangedReason = "The mutant is the original up to case, whitespace, comments and redundant parentheses.";

    public static ConformanceResult? TryCheck(Strategy strategy, ParsedSeed seed, string mutant)
    {
        // Mutants are mostly the original with one splice, so the tokens before the first differing character
        // are the original's: copy them instead of lexing them again (the lexer looks at most 2 characters past
        // a token, hence the margin; an executable comment would carry lexer state, so then lex everything).
        var shared = Lexer.TryShared(mutant);
        var head = 0;
        if (shared is null && !seed.HasBlockComment)
        {
            var same = seed.Source.AsSpan().CommonPrefixLength(mutant);
            head = seed.TokenAt(same - 2);
            while (head > 0 && seed.Tokens[head - 1].End + 3 > same)
            {
                head--;
            }
        }

        Token[] mutantTokens;
        try
        {
            mutantTokens = shared ?? Lexer.Tokenize(mutant, seed.Tokens.AsSpan(0, head));
        }
        catch (SqlSyntaxError)
        {
            return null;
        }

        var diff = new TokenDiff(seed.Source, seed.Tokens, mutant, mutantTokens, head);
        if (diff.Identical)
        {
            return ConformanceResult.Failing(ConformanceFailure.NothingChanged, NothingChangedReason);
        }

        var window = new Window(seed, diff, mutant, mutantTokens);
        foreach (var site in seed.SitesOf(strategy))
        {
            // Two sites' rewrites never give the same text, so the first match is the slow path's site too.
            if (Matches(strategy, site, window))
            {
                return site.Applicable ? ConformanceResult.Conforming(site.Describe(seed.Source), site.IsUpper, site.NoRelation) : null;
            }
        }

        return null;
    }

    private static bool Matches(Strategy strategy, Site site, in Window w) => site.Target switch
    {
        SelectQuery select when strategy is Strategy.FixMDistinctU => DistinctRemoved(select, w),
        SelectQuery select when strategy is Strategy.FixMDistinctL => DistinctAdded(select, w),
        SelectQuery select when strategy is Strategy.FixMWhere1U or Strategy.FixMWhere0L =>
            ConditionReplaced(select.Where!, strategy == Strategy.FixMWhere1U ? '1' : '0', w),
        SelectQuery select => ConditionReplaced(select.Having!, strategy == Strategy.FixMHaving1U ? '1' : '0', w),
        JoinRef join => ConditionReplaced(join.On!, strategy == Strategy.FixMOn1U ? '1' : '0', w),
        SetOpQuery setOp => SetOpChanged(strategy, setOp, w),
        BinaryExpr binary => OperatorChanged(strategy, binary.Op, binary.OpStart, binary.OpEnd, w),
        QuantifiedExpr quantified => OperatorChanged(strategy, quantified.Op, quantified.OpStart, quantified.OpEnd, w),
        InListExpr inList => NullAppended(inList, w),
        MatchExpr match => PatternChanged(strategy, match, w),
        _ => false,
    };

    private static bool OperatorChanged(Strategy strategy, BinaryOp op, int opStart, int opEnd, in Window w)
    {
        var i = w.Seed.TokenAt(opStart);
        var wanted = NormalPrinter.MutatedComparison(strategy, op);
        return wanted != op && w.Original[i].Start == opStart && w.Original[i].End == opEnd
               && w.Replaces(i, i + 1, 1) && Parser.ComparisonOp(w.Mutant[i].Kind) == wanted;
    }


    private static bool NullAppended(InListExpr inList, in Window w)
    {
        var i = w.Seed.TokenAt(inList.CloseParen);
        return w.Original[i].Kind == TokenKind.RParen && w.Replaces(i, i, 2)
               && w.Mutant[i].Kind == TokenKind.Comma && IsWord(w.Mutant[i + 1], Keyword.NULL);
    }

    /// <summary>WHERE / HAVING / ON replaced by the literal 1 or 0, followed by a token that ends any expression.</summary>
    private static bool ConditionReplaced(Expr condition, char digit, in Window w)
    {
        if (Precedence.Unwrap(condition) is Literal { Kind: LiteralKind.Number, Text: [var only] } && only == digit)
        {
            return false;
        }

        var first = w.Seed.TokenAt(condition.Start);
        var last = w.Seed.TokenAt(condition.End);
        if (last <= first || w.Original[first].Start != condition.Start || w.Original[last - 1].End != condition.End
            || !EndsExpression(w.Original[last]) || !w.Replaces(first, last, 1))
        {
            return false;
        }

        var token = w.Mutant[first];
        return token.Kind == TokenKind.Number && token.Length == 1 && w.MutantSource[token.Start] == digit;
    }

    private static bool EndsExpression(Token token) => token.Kind switch
    {
        TokenKind.End or TokenKind.Semicolon or TokenKind.RParen or TokenKind.Comma => true,
        TokenKind.Word => token.Keyword is Keyword.GROUP or Keyword.HAVING or Keyword.WINDOW or Keyword.ORDER
            or Keyword.LIMIT or Keyword.UNION or Keyword.EXCEPT or Keyword.INTERSECT or Keyword.INTO or Keyword.FOR
            or Keyword.LOCK or Keyword.JOIN or Keyword.INNER or Keyword.CROSS or Keyword.LEFT or Keyword.RIGHT
            or Keyword.NATURAL or Keyword.STRAIGHT_JOIN or Keyword.WHERE,
        _ => false,
    };

    private static bool IsWord(Token token, Keyword keyword) => token.Kind == TokenKind.Word && token.Keyword == keyword;
}
