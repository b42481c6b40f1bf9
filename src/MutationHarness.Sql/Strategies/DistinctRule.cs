using MutationHarness.Sql.Ast;
using MutationHarness.Sql.Lexing;
using MutationHarness.Sql.Mutation;
using MutationHarness.Sql.Parsing;
using MutationHarness.Sql.Polarity;

namespace MutationHarness.Sql.Strategies;

/// <summary>FixMDistinctU removes a SELECT's DISTINCT; FixMDistinctL adds one to a SELECT with none, no ORDER BY
/// and no WITH clause of its own. The rewrite toggles DISTINCT, so a mutant at a SELECT of the wrong kind is
/// still named (with the precondition it fails).</summary>
internal sealed class DistinctRule : StrategyRule
{
    public DistinctRule()
    {
        Remove = new Strategy("FixMDistinctU", this);
        Add = new Strategy("FixMDistinctL", this);
        Strategies = [Remove, Add];
    }

    public Strategy Remove { get; }

    public Strategy Add { get; }

    public override IReadOnlyList<Strategy> Strategies { get; }

    public override void FindSites(in SiteOffer offer)
    {
        if (offer is not { Node: SelectQuery select, Clause: Clause.Itself })
        {
            return;
        }

        offer.Add(Remove, select, select.IsDistinct ? null : "the SELECT has no DISTINCT", "SELECT", select.Ordinal, select.Start);
        var unmet = select.IsDistinct ? "the SELECT already has DISTINCT"
            : select.OrderBy is not null ? "the SELECT has ORDER BY"
            : select.CarriesWith ? "the SELECT carries a WITH clause" : null;
        offer.Add(Add, select, unmet, "SELECT", select.Ordinal, select.Start);
    }

    /// <summary>Removes DISTINCT (and one space after it), or writes it in place of ALL, or right before the first item.</summary>
    public override SpanEdit Rewrite(SyntaxTree tree, Site site, Random random)
    {
        var select = (SelectQuery)site.Target;
        var source = tree.Source;
        if (select.IsDistinct)
        {
            var (start, end) = select.DistinctToken!.Value;
            return SpanEdit.Remove(start, end < source.Length && char.IsWhiteSpace(source[end]) ? end + 1 : end);
        }

        return select.DistinctToken is { } all
            ? new SpanEdit(all.Start, all.End, "DISTINCT")
            : SpanEdit.Insert(select.Items[0].Value.Start, "DISTINCT ");
    }

    public override SiteMatch Check(Site site, NormalFormDiff diff) =>
        diff.BeginsAt(site.Target) && base.Check(site, diff).Found ? SiteMatch.Made : SiteMatch.None;

    public override bool FastMatches(Site site, in TokenWindow window) =>
        site.Strategy == Remove ? Removed((SelectQuery)site.Target, window) : Added((SelectQuery)site.Target, window);

    private static bool Removed(SelectQuery select, in TokenWindow w)
    {
        var (options, end) = Options(select, w);
        if (options != 1 || select.DistinctToken is not { } token)
        {
            return false;
        }

        var i = w.TokenAt(token.Start);
        return i < end && w.Original[i].Keyword is Keyword.DISTINCT or Keyword.DISTINCTROW && w.Replaces(i, i + 1, 0);
    }

    /// <summary>DISTINCT inserted right after SELECT, or replacing the SELECT's only ALL.</summary>
    private static bool Added(SelectQuery select, in TokenWindow w)
    {
        var (options, _) = Options(select, w);
        int at;
        if (options == 0)
        {
            at = w.TokenAt(select.Start) + 1;
            if (!w.Replaces(at, at, 1))
            {
                return false;
            }
        }
        else
        {
            at = w.TokenAt(select.DistinctToken!.Value.Start);
            if (options != 1 || !TokenWindow.IsWord(w.Original[at], Keyword.ALL) || !w.Replaces(at, at + 1, 1))
            {
                return false;
            }
        }

        return w.Mutant[at] is { Kind: TokenKind.Word, Keyword: Keyword.DISTINCT or Keyword.DISTINCTROW };
    }

    /// <summary>How many DISTINCT / DISTINCTROW / ALL words the SELECT's modifiers hold, and where they end.</summary>
    private static (int Count, int End) Options(SelectQuery select, in TokenWindow w)
    {
        var tokens = w.Original;
        var i = w.TokenAt(select.Start);
        if (!TokenWindow.IsWord(tokens[i], Keyword.SELECT))
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
}
