using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;
using MutationHarness.Sql.Mutation;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;
using MutationHarness.Sql.Printing;

namespace MutationHarness.Sql.Strategies;

/// <summary>RdMLikeU / RdMLikeL and RdMRegExpU / RdMRegExpL: random per-character changes to the pattern of a LIKE or
/// REGEXP whose operands are both string literals. A mutant conforms when the one changed literal obeys the
/// strategy's per-character rule (<c>PatternRule.Characters.cs</c>), not when it equals one expected string.</summary>
internal sealed partial class PatternRule : StrategyRule
{
    private const string NotLiterals = "both operands must be string literals";

    private readonly Strategy[] _like;
    private readonly Strategy[] _regExp;

    public PatternRule()
    {
        LikeWiden = new Strategy("RdMLikeU", this);
        LikeNarrow = new Strategy("RdMLikeL", this);
        RegExpWiden = new Strategy("RdMRegExpU", this);
        RegExpNarrow = new Strategy("RdMRegExpL", this);
        Strategies = [LikeWiden, LikeNarrow, RegExpWiden, RegExpNarrow];
        (_like, _regExp) = ([LikeWiden, LikeNarrow], [RegExpWiden, RegExpNarrow]);
    }

    public Strategy LikeWiden { get; }

    public Strategy LikeNarrow { get; }

    public Strategy RegExpWiden { get; }

    public Strategy RegExpNarrow { get; }

    public override IReadOnlyList<Strategy> Strategies { get; }

    public override bool IsRandom => true;

    public override void FindSites(in SiteOffer offer)
    {
        if (offer.Node is not MatchExpr match)
        {
            return;
        }

        var pattern = LiteralPattern(match, offer.Source);
        var literals = pattern is not null && Precedence.Unwrap(match.Operand) is Literal { Kind: LiteralKind.String };
        var escape = EscapeOf(match, offer.Source);
        var (kind, at) = (match.IsRegexp ? "REGEXP pattern" : "LIKE pattern", match.Pattern.Start);
        foreach (var strategy in match.IsRegexp ? _regExp : _like)
        {
            if (offer.Wants(strategy))
            {
                offer.Add(strategy, match, literals ? NothingToChange(strategy, pattern!, escape) : NotLiterals, kind, 0, at);
            }
        }
    }

    /// <summary>The pattern literal (all its adjacent pieces) replaced by one literal holding a random mutation of its value.</summary>
    public override SpanEdit Rewrite(SyntaxTree tree, Site site, Random random)
    {
        var match = (MatchExpr)site.Target;
        var literal = LiteralValues.AsString(match.Pattern)
            ?? throw new ArgumentException("A pattern site has a string literal pattern.", nameof(site));
        var pattern = Mutate(site.Strategy, LiteralValues.Of(tree.Source, literal), EscapeOf(match, tree.Source), random);
        return new SpanEdit(literal.Pieces[0].Start, literal.End, SqlStrings.Encode(pattern));
    }

    /// <summary>The change must lie inside this site's pattern literal, which must print as one string literal in the
    /// mutant; then its new value is judged by the per-character rule.</summary>
    public override SiteMatch Check(Site site, NormalFormDiff diff)
    {
        var match = (MatchExpr)site.Target;
        if (LiteralValues.AsString(match.Pattern) is not { } literal || diff.Spans.Of(literal) is not var (start, end))
        {
            return SiteMatch.None;
        }

        var (original, mutant) = (diff.NormalOriginal, diff.NormalMutant);
        var tail = original.Length - end;
        if (diff.Prefix < start || diff.Suffix < tail || mutant.Length < start + tail)
        {
            return SiteMatch.None;
        }

        var printed = mutant.AsSpan(start, mutant.Length - tail - start);
        var introducer = literal.Prefix?.ToLowerInvariant() ?? string.Empty;
        if (!printed.StartsWith(introducer, StringComparison.Ordinal) || printed.Length < introducer.Length + 2
            || printed[introducer.Length] != '\'' || printed[^1] != '\'')
        {
            return SiteMatch.None;
        }

        var oldValue = LiteralValues.Of(diff.Original.Source, literal);
        var newValue = SqlStrings.Decode(printed[introducer.Length..]);
        if (SqlStrings.Encode(newValue).Length != printed.Length - introducer.Length)
        {
            return SiteMatch.None; // more than one literal printed there
        }

        return Violation(site.Strategy, oldValue, newValue, EscapeOf(match, diff.Original.Source)) is { } why
            ? SiteMatch.Violates(why)
            : SiteMatch.Made;
    }

    /// <summary>One changed single-piece pattern literal whose new value obeys the strategy's per-character rule.</summary>
    public override bool FastMatches(Site site, in TokenWindow window)
    {
        var match = (MatchExpr)site.Target;
        if (LiteralValues.AsString(match.Pattern) is not { Pieces.Count: 1 } literal)
        {
            return false;
        }

        var (start, end) = literal.Pieces[0];
        var i = window.TokenAt(start);
        var token = window.Original[i];
        if (token.Kind != TokenKind.String || token.Start != start || token.End != end || !window.Replaces(i, i + 1, 1)
            || window.Mutant[i].Kind != TokenKind.String)
        {
            return false;
        }

        var source = window.Seed.Source;
        var oldValue = LiteralValues.Of(source, literal);
        var newValue = SqlStrings.Decode(window.Mutant[i].Span(window.MutantSource));
        return oldValue != newValue && Violation(site.Strategy, oldValue, newValue, EscapeOf(match, source)) is null;
    }

    private static string? LiteralPattern(MatchExpr match, string source) =>
        LiteralValues.AsString(match.Pattern) is { } literal ? LiteralValues.Of(source, literal) : null;

    /// <summary>The escape character: a regular expression's backslash, or LIKE's (backslash unless ESCAPE names
    /// another). ESCAPE '' is the backslash too: MariaDB and MySQL read an empty ESCAPE as the default one unless
    /// NO_BACKSLASH_ESCAPES is on (then it is an error, 1210), and the pinned session never sets it.</summary>
    private static char? EscapeOf(MatchExpr match, string source)
    {
        if (match.IsRegexp || match.Escape is null)
        {
            return '\\';
        }

        return LiteralValues.AsString(match.Escape) is { } literal && LiteralValues.Of(source, literal) is var text
            ? text.Length > 0 ? text[0] : '\\'
            : '\\';
    }
}
