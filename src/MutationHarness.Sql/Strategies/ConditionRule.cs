using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;
using MutationHarness.Sql.Mutation;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql.Strategies;

/// <summary>FixMWhere1U / FixMWhere0L, FixMHaving1U / FixMHaving0L, FixMOn1U / FixMOn0L: a WHERE, HAVING or ON
/// condition becomes 1 (true: upper) or 0 (false: lower). The site is the condition itself.</summary>
internal sealed class ConditionRule : StrategyRule
{
    public ConditionRule()
    {
        Where = new(new Strategy("FixMWhere1U", this), new Strategy("FixMWhere0L", this));
        Having = new(new Strategy("FixMHaving1U", this), new Strategy("FixMHaving0L", this));
        On = new(new Strategy("FixMOn1U", this), new Strategy("FixMOn0L", this));
        Strategies = [Where.True, Where.False, Having.True, Having.False, On.True, On.False];
    }

    /// <summary>The two strategies of one clause: the condition made true (1) or false (0).</summary>
    public sealed record Pair(Strategy True, Strategy False);

    public Pair Where { get; }

    public Pair Having { get; }

    public Pair On { get; }

    public override IReadOnlyList<Strategy> Strategies { get; }

    public override void FindSites(in SiteOffer offer)
    {
        var (pair, condition, kind, ordinal) = offer switch
        {
            { Clause: Clause.Where, Node: SelectQuery select } => (Where, select.Where, "WHERE of SELECT", select.Ordinal),
            { Clause: Clause.Having, Node: SelectQuery select } => (Having, select.Having, "HAVING of SELECT", select.Ordinal),
            { Clause: Clause.On, Node: JoinRef join } => (On, join.On, "ON of JOIN", 0),
            _ => (null, null, string.Empty, 0),
        };
        if (pair is null || condition is null)
        {
            return;
        }

        offer.Add(pair.True, condition, null, kind, ordinal, condition.Start);
        offer.Add(pair.False, condition, null, kind, ordinal, condition.Start);
    }

    public override SpanEdit Rewrite(SyntaxTree tree, Site site, Random random) =>
        new(site.Target.Start, site.Target.End, Digit(site.Strategy).ToString());

    /// <summary>The condition replaced by the digit, followed by a token that ends any expression.</summary>
    public override bool FastMatches(Site site, in TokenWindow window)
    {
        var condition = (Expr)site.Target;
        var digit = Digit(site.Strategy);
        if (Precedence.Unwrap(condition) is Literal { Kind: LiteralKind.Number, Text: [var only] } && only == digit)
        {
            return false;
        }

        var first = window.TokenAt(condition.Start);
        var last = window.TokenAt(condition.End);
        if (last <= first || window.Original[first].Start != condition.Start || window.Original[last - 1].End != condition.End
            || !EndsExpression(window.Original[last]) || !window.Replaces(first, last, 1))
        {
            return false;
        }

        var token = window.Mutant[first];
        return token.Kind == TokenKind.Number && token.Length == 1 && window.MutantSource[token.Start] == digit;
    }

    private char Digit(Strategy strategy) =>
        strategy == Where.True || strategy == Having.True || strategy == On.True ? '1' : '0';

    private static bool EndsExpression(Token token) => token.Kind switch
    {
        TokenKind.End or TokenKind.Semicolon or TokenKind.RParen or TokenKind.Comma => true,
        TokenKind.Word => token.Keyword is Keyword.GROUP or Keyword.HAVING or Keyword.WINDOW or Keyword.ORDER
            or Keyword.LIMIT or Keyword.UNION or Keyword.EXCEPT or Keyword.INTERSECT or Keyword.INTO or Keyword.FOR
            or Keyword.LOCK or Keyword.JOIN or Keyword.INNER or Keyword.CROSS or Keyword.LEFT or Keyword.RIGHT
            or Keyword.NATURAL or Keyword.STRAIGHT_JOIN or Keyword.WHERE,
        _ => false,
    };
}
